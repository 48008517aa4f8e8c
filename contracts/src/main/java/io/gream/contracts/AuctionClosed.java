package io.gream.contracts;

import java.time.Instant;

/**
 * The auction ended; its last event. {@code at} is the deadline it closed at (or the buy-now bid's time), so the
 * event is the same however late the engine noticed.
 *
 * @param commandId the buy-now bid that ended it, absent when it ended at its deadline
 * @param winnerId  absent unless {@code outcome.hasWinner()}
 * @param price     what the winner pays, absent unless {@code outcome.hasWinner()}
 */
public record AuctionClosed(
        String eventId,
        String auctionId,
        long seq,
        Instant at,
        String commandId,
        String sellerId,
        Item item,
        CloseOutcome outcome,
        String winnerId,
        Long price,
        long bidCount) implements SequencedEvent {
}
