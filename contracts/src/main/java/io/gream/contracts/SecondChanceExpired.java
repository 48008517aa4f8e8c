package io.gream.contracts;

import java.time.Instant;

/**
 * The runner-up did not answer before the offer's {@code expiresAt}, which is this event's {@code at}; nothing was
 * charged and the offer is over.
 */
public record SecondChanceExpired(
        String eventId,
        String auctionId,
        Instant at,
        String sellerId,
        String runnerUpId,
        long price,
        String currency) implements SecondChanceEvent {
}
