package io.gream.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import static io.gream.contracts.Require.text;

/** The seller asks to offer the voucher of a sale whose payment was declined to the auction's runner-up. */
public record OfferSecondChance(String commandId, String auctionId, String sellerId) implements SecondChanceCommand {

    public OfferSecondChance {
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
