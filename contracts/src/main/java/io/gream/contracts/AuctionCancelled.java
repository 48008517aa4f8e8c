package io.gream.contracts;

import java.time.Instant;

/** The seller withdrew the auction before any bid. Its last event. */
public record AuctionCancelled(
        String eventId,
        String auctionId,
        long seq,
        Instant at,
        String commandId,
        String sellerId) implements SequencedEvent, CommandOutcome {

    @Override
    public boolean accepted() {
        return true;
    }
}
