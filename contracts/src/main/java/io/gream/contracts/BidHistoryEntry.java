package io.gream.contracts;

import java.time.Instant;

/**
 * One public step of an auction's bidding, as the bid-engine's bid history query ({@code GET
 * /auctions/{id}/bids}) lists it, newest first: an accepted bid or a raise the engine made for the leader. It holds
 * what the auction events already made public, and never a maximum.
 *
 * @param seq      the {@code seq} of the event it comes from
 * @param amount   the price this step set: the amount offered, or the price the engine bid for the leader
 * @param byProxy  {@code true} for a raise the engine made within the leader's maximum
 * @param outbidAtOnce {@code true} for a bid that the leader's maximum beat or equalled at once
 */
public record BidHistoryEntry(
        long seq,
        Instant at,
        String bidderId,
        long amount,
        boolean byProxy,
        boolean outbidAtOnce) {
}
