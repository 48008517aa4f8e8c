package io.gream.contracts;

import java.time.Instant;

/**
 * The engine bid for the leader, within their secret maximum, because another bid reached the leader's price: the
 * leader keeps the lead at {@code amount}, and {@code previousLeaderId}, whose {@link BidAccepted} (same
 * {@code commandId}, {@code outbidByProxy} true) comes just before, is outbid. The maximum itself is never
 * published.
 *
 * @param commandId        the bid that caused the raise
 * @param amount           the new visible price: one increment above the other bid's maximum, capped at the
 *                         leader's maximum and at the buy-now price, and at least the reserve the maximum meets
 * @param previousLeaderId the bidder this raise outbid
 * @param previousAmount   the price before the raise: the amount the outbid bidder offered
 * @param bidCount         accepted bids so far (a raise is not a bid of its own)
 * @param minNextBid       the least the next bid must offer
 */
public record BidRaisedByProxy(
        String eventId,
        String auctionId,
        long seq,
        Instant at,
        String commandId,
        String bidderId,
        long amount,
        String previousLeaderId,
        long previousAmount,
        long bidCount,
        long minNextBid) implements SequencedEvent {
}
