package io.gream.ingress.auction;

import io.gream.contracts.AuctionStatus;
import io.gream.contracts.AuctionView;
import io.gream.contracts.CloseOutcome;
import io.gream.contracts.Item;

import java.time.Instant;

/**
 * An auction as the public sees it.
 *
 * <p>The reserve price is not disclosed (bidders would simply bid it); {@code reserveMet} says whether the current
 * price reaches it, and is absent when there is no reserve.
 *
 * @param currentPrice the highest bid, absent when there is none
 * @param minNextBid   the least the next bid must offer, absent unless {@code OPEN}
 * @param leaderId     who holds the highest bid
 * @param seq          version of the auction; also its {@code ETag}
 * @param outcome      how it ended, when {@code CLOSED}
 * @param stale        whether this came from a standby copy while the owner was unavailable
 * @param staleByRecords how many changelog records that copy was behind
 */
record AuctionResponse(
        String auctionId,
        AuctionStatus status,
        String sellerId,
        Item item,
        long startPrice,
        long minIncrement,
        Boolean reserveMet,
        Long buyNowPrice,
        Long currentPrice,
        Long minNextBid,
        String leaderId,
        long bidCount,
        Instant endsAt,
        CloseOutcome outcome,
        String winnerId,
        Long price,
        long seq,
        boolean stale,
        Long staleByRecords) {

    static AuctionResponse of(AuctionView view) {
        Boolean reserveMet = view.reservePrice() == null ? null
                : view.currentPrice() != null && view.currentPrice() >= view.reservePrice();
        return new AuctionResponse(view.auctionId(), view.status(), view.sellerId(), view.item(), view.startPrice(),
                view.minIncrement(), reserveMet, view.buyNowPrice(), view.currentPrice(), view.minNextBid(),
                view.leaderId(), view.bidCount(), view.endsAt(), view.outcome(), view.winnerId(), view.price(),
                view.seq(), Boolean.TRUE.equals(view.stale()), view.staleByRecords());
    }
}
