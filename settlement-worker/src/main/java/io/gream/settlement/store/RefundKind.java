package io.gream.settlement.store;

/** Whose money a refund gives back, and through what. */
public enum RefundKind {
    /** To the buyer, through the gateway's cancel; in part or whole; borne by the fee and the seller pro rata. */
    BUYER,
    /** The platform's fee to the seller, inside the ledger; no money leaves the platform. */
    SELLER_FEE,
    /** A charge found after its settlement had FAILED, given back whole through the gateway. */
    LATE_CHARGE;

    boolean throughGateway() {
        return this != SELLER_FEE;
    }
}
