package io.gream.contracts;

import java.time.Instant;

/**
 * A bid was refused. Changes nothing, so it has no {@code seq}.
 *
 * @param minNextBid the least a bid must offer now, absent when the auction does not exist or has ended
 */
public record BidRejected(
        String eventId,
        String auctionId,
        Instant at,
        String commandId,
        String bidderId,
        long amount,
        RejectionReason reason,
        Long minNextBid) implements CommandOutcome {

    @Override
    public boolean accepted() {
        return false;
    }
}
