package io.gream.engine.query;

import io.gream.contracts.CloseOutcome;
import io.gream.contracts.Item;
import io.gream.engine.auction.Auction;

import java.time.Instant;

/**
 * An auction as the query API shows it.
 *
 * @param currentPrice   the highest bid, absent before the first bid
 * @param minNextBid     the least the next bid must offer, absent unless open
 * @param outcome        absent unless closed
 * @param stale          read from a standby copy because the active one could not answer
 * @param staleByRecords how many changelog records the standby copy was behind when read, if stale
 */
record AuctionView(
        String auctionId,
        String status,
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
        boolean stale,
        Long staleByRecords) {

    static AuctionView of(Auction auction, Long staleByRecords) {
        var terms = auction.terms();
        var leader = auction.leader();
        String status = auction instanceof Auction.Open ? "OPEN"
                : auction instanceof Auction.Closed ? "CLOSED" : "CANCELLED";
        Auction.Closed closed = auction instanceof Auction.Closed c ? c : null;
        CloseOutcome outcome = closed == null ? null : closed.outcome();
        boolean won = outcome != null && outcome.hasWinner();
        Long price = closed == null ? null : closed.price();
        return new AuctionView(terms.auctionId(), status, terms.sellerId(), terms.item(), terms.startPrice(),
                terms.minIncrement(), terms.reservePrice(), terms.buyNowPrice(),
                leader == null ? null : leader.amount(),
                auction instanceof Auction.Open ? auction.minNextBid() : null,
                leader == null ? null : leader.bidderId(), auction.bidCount(), auction.endsAt(), auction.seq(),
                outcome, won ? leader.bidderId() : null, price, staleByRecords != null, staleByRecords);
    }
}
