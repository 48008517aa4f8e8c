package io.gream.contracts;

/** How an auction ended. Only {@link #SOLD} and {@link #BUY_NOW} have a winner. */
public enum CloseOutcome {
    /** Ended at its deadline with a highest bid at or above the reserve. */
    SOLD,
    /** Ended at its deadline with bids, none reaching the reserve. */
    RESERVE_NOT_MET,
    /** Ended at its deadline without a bid. */
    NO_BIDS,
    /** Ended early by a bid at or above the buy-now price. */
    BUY_NOW;

    public boolean hasWinner() {
        return this == SOLD || this == BUY_NOW;
    }
}
