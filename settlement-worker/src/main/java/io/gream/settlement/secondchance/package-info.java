/**
 * Second-chance offers: when the winner's payment was declined, the seller may offer the voucher to the runner-up at
 * the runner-up's highest bid. Commands come from {@code gream.settlement-commands}
 * ({@link io.gream.settlement.secondchance.SecondChanceCommandListener}); the offer is decided, charged and ledgered
 * once ({@link io.gream.settlement.secondchance.SecondChances}); unanswered offers expire on any replica
 * ({@link io.gream.settlement.secondchance.SecondChanceExpirer}). Every outcome is a {@code SecondChanceEvent} on
 * {@code gream.settlement-events}.
 */
package io.gream.settlement.secondchance;
