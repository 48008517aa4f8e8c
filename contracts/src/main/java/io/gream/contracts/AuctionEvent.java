package io.gream.contracts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;

/**
 * A decision of the bid-engine, published on {@code gream.auction-events} keyed by {@link #auctionId()}.
 *
 * <p>Events that change an auction are {@link SequencedEvent}s (gapless {@code seq} per auction); rejections are
 * not. {@link #at()} is the logical time of the decision (a command's broker timestamp, or the deadline an auction
 * closed at), so replaying the command log yields the same events.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AuctionOpened.class, name = "AuctionOpened"),
        @JsonSubTypes.Type(value = BidAccepted.class, name = "BidAccepted"),
        @JsonSubTypes.Type(value = BidRaisedByProxy.class, name = "BidRaisedByProxy"),
        @JsonSubTypes.Type(value = BidRejected.class, name = "BidRejected"),
        @JsonSubTypes.Type(value = AuctionExtended.class, name = "AuctionExtended"),
        @JsonSubTypes.Type(value = AuctionClosed.class, name = "AuctionClosed"),
        @JsonSubTypes.Type(value = AuctionCancelled.class, name = "AuctionCancelled"),
        @JsonSubTypes.Type(value = CommandRejected.class, name = "CommandRejected")
})
public sealed interface AuctionEvent permits SequencedEvent, CommandOutcome {

    /** {@code auctionId:seq} for sequenced events, {@code auctionId:cmd:commandId} for rejections. */
    String eventId();

    String auctionId();

    Instant at();
}
