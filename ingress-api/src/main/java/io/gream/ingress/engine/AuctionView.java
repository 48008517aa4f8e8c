package io.gream.ingress.engine;

import io.gream.contracts.CloseOutcome;
import io.gream.contracts.Item;

import java.time.Instant;

/**
 * An auction as the engine's {@code GET /auctions/{id}} describes it.
 *
 * @param currentPrice the highest accepted bid, absent when there is none
 * @param minNextBid   the least the next bid must offer, absent unless {@code OPEN}
 * @param seq          the {@code seq} of the last event applied: a version of the auction
 * @param outcome      how it ended, only when {@code CLOSED}
 * @param stale        whether a standby answered because the owner was unavailable
 * @param staleByRecords how many changelog records the standby copy was behind, when stale
 */
public record AuctionView(
        String auctionId,
        AuctionStatus status,
        String sellerId,
        Item item,
        long startPrice,
        long minIncrement,
        Long reservePrice,
        Long buyNowPrice,
        Long currentPrice,
        Long minNextBid,
        String leaderId,
        long bidCount,
        Instant endsAt,
        long seq,
        CloseOutcome outcome,
        String winnerId,
        Long price,
        Boolean stale,
        Long staleByRecords) {
}
