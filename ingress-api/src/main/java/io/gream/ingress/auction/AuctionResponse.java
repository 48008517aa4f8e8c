package io.gream.ingress.auction;

import io.gream.contracts.AuctionStatus;
import io.gream.contracts.AuctionView;
import io.gream.contracts.CloseOutcome;
import io.gream.contracts.Item;

import java.time.Instant;
import java.util.Optional;

/**
 * An auction as the public sees it.
 *
 * <p>The reserve price is not disclosed (bidders would simply bid it); {@code reserveMet} says whether the current
 * price reaches it, and is absent when there is no reserve.
 *
 * <p>People are shown by a per-auction alias ({@link Pseudonyms}), except the caller, who sees their own id and
 * a {@code ...IsYou: true} flag; the flags are absent otherwise.
 *
 * @param sellerId     the seller: an alias such as {@code user-3f9a0c21d4}, or the caller's own id
 * @param currentPrice the highest bid, absent when there is none
 * @param minNextBid   the least the next bid must offer, absent unless {@code OPEN}
 * @param leaderId     who holds the highest bid: an alias, or the caller's own id
 * @param winnerId     who won, when {@code SOLD}: an alias, or the caller's own id
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
        Long staleByRecords,
        Boolean sellerIsYou,
        Boolean leaderIsYou,
        Boolean winnerIsYou) {

    /** The auction as {@code caller} (empty: an anonymous reader) may see it. */
    static AuctionResponse of(AuctionView view, Pseudonyms pseudonyms, Optional<String> caller) {
        Boolean reserveMet = view.reservePrice() == null ? null
                : view.currentPrice() != null && view.currentPrice() >= view.reservePrice();
        String auction = view.auctionId();
        return new AuctionResponse(auction, view.status(), pseudonyms.shown(auction, view.sellerId(), caller),
                view.item(), view.startPrice(), view.minIncrement(), reserveMet, view.buyNowPrice(),
                view.currentPrice(), view.minNextBid(), pseudonyms.shown(auction, view.leaderId(), caller),
                view.bidCount(), view.endsAt(), view.outcome(), pseudonyms.shown(auction, view.winnerId(), caller),
                view.price(), view.seq(), Boolean.TRUE.equals(view.stale()), view.staleByRecords(),
                isCaller(view.sellerId(), caller), isCaller(view.leaderId(), caller),
                isCaller(view.winnerId(), caller));
    }

    private static Boolean isCaller(String userId, Optional<String> caller) {
        return userId != null && caller.isPresent() && caller.get().equals(userId) ? Boolean.TRUE : null;
    }
}
