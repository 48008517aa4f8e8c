package io.gream.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import static io.gream.contracts.Require.text;

/** Offers {@code amount} (minor units) on an auction on behalf of {@code bidderId}. */
public record PlaceBid(
        String commandId,
        String auctionId,
        String bidderId,
        @JsonProperty(required = true) long amount) implements AuctionCommand {

    public PlaceBid {
        text(commandId, "commandId");
        text(auctionId, "auctionId");
        text(bidderId, "bidderId");
    }

    @Override
    @JsonIgnore
    public String actorId() {
        return bidderId;
    }
}
