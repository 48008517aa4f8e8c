package io.gream.contracts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A value on {@code gream.auction-commands}: either an {@link AuctionCommand} from a user, or a {@link Tick} the
 * engine appends to advance the partition's clock.
 *
 * <p>The {@code type} property names the record; an unknown or missing {@code type} is a deserialization error.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = OpenAuction.class, name = "OpenAuction"),
        @JsonSubTypes.Type(value = PlaceBid.class, name = "PlaceBid"),
        @JsonSubTypes.Type(value = CancelAuction.class, name = "CancelAuction"),
        @JsonSubTypes.Type(value = Tick.class, name = "Tick")
})
public sealed interface CommandLogEntry permits AuctionCommand, Tick {
}
