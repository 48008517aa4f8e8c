package io.gream.settlement.payment;

/** The definite outcome of a refund: the money went back, or the gateway refused to give it back. */
public sealed interface RefundResult {

    /** @param reference the gateway's reference of the cancel (Toss: its transaction key) */
    record Refunded(String reference) implements RefundResult {
    }

    /** E.g. the payment is already cancelled, or the amount exceeds what is left of it. Needs an operator. */
    record Refused(String code, String message) implements RefundResult {
    }
}
