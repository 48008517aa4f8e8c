package io.gream.contracts;

import java.time.Instant;

/**
 * An auction as the bid-engine's internal query API ({@code GET /auctions/{id}}) describes it to other services.
 * Shared here so the engine that writes it and the ingress that reads it cannot drift apart.
 *
 * @param currentPrice   the highest accepted bid, absent when there is none
 * @param minNextBid     the least the next bid must offer, absent unless {@link AuctionStatus#OPEN}
 * @param seq            the {@code seq} of the last event applied: a version of the auction
 * @param outcome        how it ended, only when {@link AuctionStatus#CLOSED}
 * @param winnerId       who won, when the outcome has a winner
 * @param price          what the winner pays, when the outcome has a winner
 * @param stale          read from a standby copy because the active one could not answer
 * @param staleByRecords how many changelog records that standby copy was behind when read, if stale
 * @param yourMaxAmount  the secret maximum of the leader, present only in the answer to the leader themself (the
 *                       {@code viewer} of the query); never in a public read
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
        boolean stale,
        Long staleByRecords,
        Long yourMaxAmount) {

    /** The view as anyone but the leader sees it. */
    public AuctionView(String auctionId, AuctionStatus status, String sellerId, Item item, long startPrice,
                       long minIncrement, Long reservePrice, Long buyNowPrice, Long currentPrice, Long minNextBid,
                       String leaderId, long bidCount, Instant endsAt, long seq, CloseOutcome outcome,
                       String winnerId, Long price, boolean stale, Long staleByRecords) {
        this(auctionId, status, sellerId, item, startPrice, minIncrement, reservePrice, buyNowPrice, currentPrice,
                minNextBid, leaderId, bidCount, endsAt, seq, outcome, winnerId, price, stale, staleByRecords, null);
    }
}
