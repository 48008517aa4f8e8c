package io.gream.settlement.store;

/** Where a settlement is: only {@link #PENDING} may change, and only into one of the other two. */
public enum SettlementState {
    PENDING,
    COMPLETED,
    FAILED;

    public boolean terminal() {
        return this != PENDING;
    }
}
