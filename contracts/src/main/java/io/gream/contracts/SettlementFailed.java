package io.gream.contracts;

import java.time.Instant;

/**
 * The winner could not be charged, after the worker's retries: nothing was taken from the buyer and the ledger has
 * no journal for the auction.
 *
 * @param closeEventId the {@link AuctionClosed} event this was to settle
 * @param reason       a stable code, e.g. {@code CARD_DECLINED} or {@code SETTLEMENT_DEADLINE}
 * @param message      for people: what went wrong
 */
public record SettlementFailed(
        String eventId,
        String auctionId,
        Instant at,
        String closeEventId,
        String winnerId,
        String sellerId,
        long price,
        String currency,
        String reason,
        String message) implements SettlementEvent {
}
