package io.gream.engine.query;

import io.gream.contracts.AuctionStatus;
import io.gream.contracts.AuctionView;
import io.gream.engine.auction.Auction;

/** Describes an auction's state as the query API's {@link AuctionView}. */
final class AuctionViews {

    private AuctionViews() {
    }

    /** @param staleByRecords how far behind the copy read was, or {@code null} when it is the active copy */
    static AuctionView of(Auction auction, Long staleByRecords) {
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
                closed == null ? null : closed.price(), staleByRecords != null, staleByRecords);
    }
}
