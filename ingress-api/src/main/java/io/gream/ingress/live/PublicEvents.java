package io.gream.ingress.live;

import io.gream.contracts.AuctionCancelled;
import io.gream.contracts.AuctionClosed;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.AuctionExtended;
import io.gream.contracts.AuctionOpened;
import io.gream.contracts.BidAccepted;
import io.gream.contracts.BidRaisedByProxy;
import io.gream.contracts.GreamJson;
import io.gream.contracts.SequencedEvent;
import io.gream.ingress.pseudonym.Pseudonyms;
import tools.jackson.databind.ObjectWriter;

/**
 * An event of {@code gream.auction-events} as the public stream shows it: every user id replaced by its alias in the
 * auction, and without {@code commandId}, which is derived from the sender's id (and, for opening or cancelling
 * without a key, from nothing else), so it could confirm a guess of who sent it. Everything else is as on the topic.
 *
 * <p>An event type it does not know is refused, not passed through.
 */
final class PublicEvents {

    private static final ObjectWriter WRITER = GreamJson.mapper().writerFor(AuctionEvent.class);

    private PublicEvents() {
    }

    static String json(SequencedEvent event, Pseudonyms pseudonyms) {
        return WRITER.writeValueAsString(of(event, pseudonyms));
    }

    static SequencedEvent of(SequencedEvent event, Pseudonyms pseudonyms) {
        String id = event.auctionId();
        // Java 17 has no pattern switch; a new event type ends in the exception until it is decided what of it is
        // public, rather than going out with its user ids.
        if (event instanceof AuctionOpened e) {
            return new AuctionOpened(e.eventId(), id, e.seq(), e.at(), null, pseudonyms.alias(id, e.sellerId()),
                    e.item(), e.startPrice(), e.minIncrement(), e.reservePrice(), e.buyNowPrice(), e.endsAt(),
                    e.softCloseSeconds());
        }
        if (event instanceof BidAccepted e) {
            return new BidAccepted(e.eventId(), id, e.seq(), e.at(), null, pseudonyms.alias(id, e.bidderId()),
                    e.amount(), pseudonyms.alias(id, e.previousLeaderId()), e.previousAmount(), e.bidCount(),
                    e.minNextBid(), e.outbidByProxy(), e.offeredAmount());
        }
        if (event instanceof BidRaisedByProxy e) {
            return new BidRaisedByProxy(e.eventId(), id, e.seq(), e.at(), null, pseudonyms.alias(id, e.bidderId()),
                    e.amount(), pseudonyms.alias(id, e.previousLeaderId()), e.previousAmount(), e.bidCount(),
                    e.minNextBid());
        }
        if (event instanceof AuctionExtended e) {
            return new AuctionExtended(e.eventId(), id, e.seq(), e.at(), null, e.previousEndsAt(), e.endsAt());
        }
        if (event instanceof AuctionClosed e) {
            return new AuctionClosed(e.eventId(), id, e.seq(), e.at(), null, pseudonyms.alias(id, e.sellerId()),
                    e.item(), e.outcome(), pseudonyms.alias(id, e.winnerId()), e.price(), e.bidCount());
        }
        if (event instanceof AuctionCancelled e) {
            return new AuctionCancelled(e.eventId(), id, e.seq(), e.at(), null, pseudonyms.alias(id, e.sellerId()));
        }
        throw new IllegalArgumentException("No public form for " + event.getClass().getName());
    }
}
