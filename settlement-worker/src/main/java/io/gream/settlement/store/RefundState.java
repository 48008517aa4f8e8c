package io.gream.settlement.store;

/** {@code PENDING -> REFUNDED | REFUSED}; only a REFUNDED refund has a journal. */
public enum RefundState {
    PENDING,
    REFUNDED,
    /** The gateway refused to give the money back (e.g. already cancelled): an operator's case, no journal. */
    REFUSED
}
