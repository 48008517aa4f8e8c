package io.gream.settlement.store;

/** A refund order that cannot be carried out as asked (no such sale, more than is left, an id reused). */
public class RefundRejectedException extends RuntimeException {

    public RefundRejectedException(String message) {
        super(message);
    }
}
