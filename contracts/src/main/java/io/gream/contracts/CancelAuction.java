package io.gream.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import static io.gream.contracts.Require.text;

/** Asks to withdraw an auction; allowed only for its seller, while it is open and has no bids. */
public record CancelAuction(String commandId, String auctionId, String sellerId) implements AuctionCommand {

    public CancelAuction {
        text(commandId, "commandId");
        text(auctionId, "auctionId");
        text(sellerId, "sellerId");
    }

    @Override
    @JsonIgnore
    public String actorId() {
        return sellerId;
    }
}
