package io.gream.contracts;

import java.time.Instant;

/** The runner-up turned the offer down; nothing was charged and the offer is over. */
public record SecondChanceDeclined(
        String eventId,
        String auctionId,
        Instant at,
        String commandId,
        String sellerId,
        String runnerUpId,
        long price,
        String currency) implements SecondChanceEvent {
}
