package io.gream.contracts;

/**
 * An event that changes an auction. {@link #seq()} is 1-based and gapless per auction, and
 * {@code eventId = auctionId + ":" + seq}, so a reader can both de-duplicate and detect a gap.
 */
public sealed interface SequencedEvent extends AuctionEvent
        permits AuctionOpened, BidAccepted, BidRaisedByProxy, AuctionExtended, AuctionClosed, AuctionCancelled {

    long seq();

    static String eventId(String auctionId, long seq) {
        return auctionId + ":" + seq;
    }
}
