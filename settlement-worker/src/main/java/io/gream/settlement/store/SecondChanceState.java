package io.gream.settlement.store;

/**
 * Where a second-chance offer is. {@link #OFFERED} is answered (or expires) once; {@link #ACCEPTED} is paid or
 * fails once; the other four never change.
 */
public enum SecondChanceState {
    OFFERED,
    ACCEPTED,
    COMPLETED,
    FAILED,
    DECLINED,
    EXPIRED;

    public boolean terminal() {
        return this != OFFERED && this != ACCEPTED;
    }
}
