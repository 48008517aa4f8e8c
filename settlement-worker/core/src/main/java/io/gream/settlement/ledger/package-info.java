/**
 * The money rules of a settlement, in plain Java (no Spring, no JPA): how a sale price splits into the platform's
 * fee and the seller's proceeds ({@link io.gream.settlement.ledger.FeeSchedule}), and the double-entry
 * {@link io.gream.settlement.ledger.Journal} that records it, which cannot be built unbalanced.
 */
package io.gream.settlement.ledger;
