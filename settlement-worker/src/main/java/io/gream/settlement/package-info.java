/**
 * The settlement-worker: charges the winner of every sold auction exactly once, records a balanced double-entry
 * ledger in MySQL, and publishes the outcome to {@code gream.settlement-events}. Features: {@code ledger} (money
 * rules, pure Java), {@code payment} (gateways and their guard), {@code store} (database), {@code worker} (Kafka).
 */
package io.gream.settlement;
