/**
 * The settlement database (Spring Data JPA, schema by Flyway): one {@link io.gream.settlement.store.SettlementRecord}
 * per sold auction, the state machine that makes its charge happen once, and the append-only ledger lines that
 * project each {@link io.gream.settlement.ledger.Journal}. {@link io.gream.settlement.store.SettlementStore} owns
 * every transaction and row lock; nothing else writes.
 */
package io.gream.settlement.store;
