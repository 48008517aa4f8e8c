package io.gream.contracts;

import java.time.Instant;

/**
 * A bid inside the soft-close window moved the end (anti-sniping). Follows the {@link BidAccepted} of the bid
 * that caused it, with the same {@code commandId}.
 */
public record AuctionExtended(
        String eventId,
        String auctionId,
        long seq,
        Instant at,
        String commandId,
        Instant previousEndsAt,
        Instant endsAt) implements SequencedEvent {
}
