package io.gream.settlement.payment;

import java.time.Instant;

/**
 * A movement of money as the gateway recorded it, for reconciliation.
 *
 * @param reference  the charge's payment key, or the refund's reference (Toss: the cancel's transaction key)
 * @param paymentKey the payment it belongs to (for a charge, the same as {@code reference})
 * @param at         when the gateway recorded it, by its own clock
 */
public record GatewayTransaction(Type type, String reference, String paymentKey, long amount, Instant at) {

    public enum Type { CHARGE, REFUND }
}
