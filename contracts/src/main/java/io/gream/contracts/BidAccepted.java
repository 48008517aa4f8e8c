package io.gream.contracts;

import java.time.Instant;

/**
 * A bid became the highest. {@code previousLeaderId} (absent for the first bid) is the bidder who was outbid.
 *
 * @param bidCount   accepted bids so far, this one included
 * @param minNextBid the least the next bid must offer
 */
public record BidAccepted(
        String eventId,
        String auctionId,
        long seq,
        Instant at,
        String commandId,
        String bidderId,
        long amount,
        String previousLeaderId,
        Long previousAmount,
        long bidCount,
        long minNextBid) implements SequencedEvent, CommandOutcome {

    @Override
    public boolean accepted() {
        return true;
    }
}
