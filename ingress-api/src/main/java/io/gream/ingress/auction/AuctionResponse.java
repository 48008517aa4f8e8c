package io.gream.ingress.auction;

import io.gream.contracts.AuctionStatus;
import io.gream.contracts.AuctionView;
import io.gream.contracts.CloseOutcome;
import io.gream.contracts.Item;
import io.gream.ingress.pseudonym.Pseudonyms;

import java.time.Instant;

/**
 * An auction as the public sees it.
 *
 * <p>Users are named by their alias in this auction ({@link Pseudonyms}), never by their id; a caller who sent a
 * token finds their own alias in {@code you}, so {@code leaderId.equals(you)} says "you lead".
 *
 * <p>The reserve price is not disclosed (bidders would simply bid it); {@code reserveMet} says whether the current
 * price reaches it, and is absent when there is no reserve.
 *
 * @param currentPrice the highest bid, absent when there is none
 * @param minNextBid   the least the next bid must offer, absent unless {@code OPEN}
 * @param sellerId     the seller's alias
 * @param leaderId     the alias of who holds the highest bid
 * @param winnerId     the winner's alias, when the outcome has a winner
 * @param seq          version of the auction; also its {@code ETag}
 * @param outcome      how it ended, when {@code CLOSED}
 * @param stale        whether this came from a standby copy while the owner was unavailable
 * @param staleByRecords how many changelog records that copy was behind
 * @param yourMaxAmount  your own secret maximum, present only when you lead and asked with your token
 * @param you            your own alias in this auction, present only when you asked with your token
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
        Long yourMaxAmount,
        String you) {

    /** The view for {@code viewerId} ({@code null}: anonymous), every user id replaced by its alias. */
    static AuctionResponse of(AuctionView view, Pseudonyms pseudonyms, String viewerId) {
        String id = view.auctionId();
        Boolean reserveMet = view.reservePrice() == null ? null
                : view.currentPrice() != null && view.currentPrice() >= view.reservePrice();
        return new AuctionResponse(id, view.status(), pseudonyms.alias(id, view.sellerId()), view.item(),
                view.startPrice(), view.minIncrement(), reserveMet, view.buyNowPrice(), view.currentPrice(),
                view.minNextBid(), pseudonyms.alias(id, view.leaderId()), view.bidCount(), view.endsAt(),
                view.outcome(), pseudonyms.alias(id, view.winnerId()), view.price(), view.seq(),
                Boolean.TRUE.equals(view.stale()), view.staleByRecords(), view.yourMaxAmount(),
                pseudonyms.alias(id, viewerId));
    }
}
