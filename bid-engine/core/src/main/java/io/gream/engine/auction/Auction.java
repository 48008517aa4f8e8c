package io.gream.engine.auction;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.gream.contracts.CloseOutcome;

import java.time.Instant;

/**
 * The state of one auction, as folded from its events by {@link AuctionRules#evolve}. Sealed so that a closed
 * auction always has an outcome and a cancelled one never has bids: states the rules forbid cannot be built.
 *
 * <p>Stored in the engine's {@code auction-store} in the binary form of {@code topology.StoreCodec}, which writes
 * each field explicitly: a new field is added there too, with a format-version bump. The JSON mapping stays so the
 * codec can read the JSON state that earlier engines stored.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "status")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Auction.Open.class, name = "OPEN"),
        @JsonSubTypes.Type(value = Auction.Closed.class, name = "CLOSED"),
        @JsonSubTypes.Type(value = Auction.Cancelled.class, name = "CANCELLED")
})
public sealed interface Auction permits Auction.Open, Auction.Closed, Auction.Cancelled {

    AuctionTerms terms();

    /** The {@code seq} of the last event applied; the next event gets {@code seq() + 1}. */
    long seq();

    /** When bidding ends, after any soft-close extensions. */
    Instant endsAt();

    /** The highest bid, or {@code null} when there is none. */
    Bid leader();

    long bidCount();

    @JsonIgnore
    default String auctionId() {
        return terms().auctionId();
    }

    /** The least the next bid must offer: the start price, or the highest bid plus the increment. */
    @JsonIgnore
    default long minNextBid() {
        return leader() == null ? terms().startPrice() : leader().amount() + terms().minIncrement();
    }

    /** Takes bids until {@link #endsAt()}. */
    record Open(AuctionTerms terms, long seq, Instant endsAt, Bid leader, long bidCount) implements Auction {
    }

    /**
     * Ended at its deadline or by a buy-now bid. When the outcome has a winner, it is the leader and pays
     * {@code price}; otherwise {@code price} is {@code null}.
     */
    record Closed(AuctionTerms terms, long seq, Instant endsAt, Bid leader, long bidCount,
                  CloseOutcome outcome, Long price, Instant closedAt) implements Auction {
    }

    /** Withdrawn by its seller before any bid. */
    record Cancelled(AuctionTerms terms, long seq, Instant endsAt, Instant cancelledAt) implements Auction {

        @Override
        public Bid leader() {
            return null;
        }

        @Override
        public long bidCount() {
            return 0;
        }
    }
}
