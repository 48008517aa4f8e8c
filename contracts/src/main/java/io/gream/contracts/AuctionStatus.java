package io.gream.contracts;

/** Where an auction is in its life. */
public enum AuctionStatus {
    /** Taking bids until its {@code endsAt}. */
    OPEN,
    /** Ended at its deadline or by a buy-now bid; see its {@link CloseOutcome}. */
    CLOSED,
    /** Withdrawn by its seller before any bid. */
    CANCELLED
}
