package io.gream.engine.query;

import io.gream.contracts.AuctionStatus;
import io.gream.contracts.AuctionView;
import io.gream.engine.auction.Auction;

/**
 * Describes an auction's state as the query API's {@link AuctionView}. The leader's maximum is shown to the leader
 * alone; this class trusts the caller to name the viewer truthfully (the ingress takes it from a verified token).
 */
final class AuctionViews {

    private AuctionViews() {
    }

    /** The view anyone may see. */
    static AuctionView of(Auction auction, Long staleByRecords) {
        return of(auction, staleByRecords, null);
    }

    /**
     * @param staleByRecords how far behind the copy read was, or {@code null} when it is the active copy
     * @param viewer         the user asking, or {@code null}; shown their own maximum when they lead, since the
     *                       maximum is secret from everyone else
     */
    static AuctionView of(Auction auction, Long staleByRecords, String viewer) {
        var terms = auction.terms();
        var leader = auction.leader();
        Auction.Closed closed = auction instanceof Auction.Closed c ? c : null;
        AuctionStatus status = auction instanceof Auction.Open ? AuctionStatus.OPEN
                : closed != null ? AuctionStatus.CLOSED : AuctionStatus.CANCELLED;
        boolean won = closed != null && closed.outcome().hasWinner();
        return new AuctionView(terms.auctionId(), status, terms.sellerId(), terms.item(), terms.startPrice(),
                terms.minIncrement(), terms.reservePrice(), terms.buyNowPrice(),
                leader == null ? null : leader.amount(),
                status == AuctionStatus.OPEN ? auction.minNextBid() : null,
                leader == null ? null : leader.bidderId(), auction.bidCount(), auction.endsAt(), auction.seq(),
                closed == null ? null : closed.outcome(), won ? leader.bidderId() : null,
                closed == null ? null : closed.price(), staleByRecords != null, staleByRecords,
                leader != null && leader.bidderId().equals(viewer) ? leader.maximum() : null);
    }
}
