package io.gream.contracts;

/**
 * The event that answers one command: what a client waiting on its {@code commandId} is told. Exactly one per
 * decided command; a repeated command id is answered with the original outcome.
 */
public sealed interface CommandOutcome extends AuctionEvent
        permits AuctionOpened, BidAccepted, AuctionCancelled, BidRejected, CommandRejected {

    String commandId();

    /** Whether the command was carried out. */
    boolean accepted();

    /** The event id of a rejection, which carries no {@code seq}. */
    static String rejectionEventId(String auctionId, String commandId) {
        return auctionId + ":cmd:" + commandId;
    }
}
