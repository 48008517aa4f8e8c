package io.gream.settlement.payment;

/** The definite outcome of a charge: the money was taken, or it was refused. */
public sealed interface PaymentResult {

    /** @param paymentKey the gateway's reference for the payment */
    record Charged(String paymentKey) implements PaymentResult {
    }

    /**
     * The gateway refused the charge and took nothing.
     *
     * @param code    a stable code, e.g. {@code CARD_DECLINED}
     * @param message for people
     */
    record Declined(String code, String message) implements PaymentResult {
    }
}
