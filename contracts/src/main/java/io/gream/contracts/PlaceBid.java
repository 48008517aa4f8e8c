package io.gream.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import static io.gream.contracts.Require.text;

/**
 * Offers {@code amount} (minor units) on an auction on behalf of {@code bidderId}.
 *
 * @param maxAmount the most the bidder will pay, kept secret by the engine, which bids for them up to it (a proxy
 *                  bid); {@code null} for a plain bid of {@code amount}. Never below {@code amount}.
 */
public record PlaceBid(
        String commandId,
        String auctionId,
        String bidderId,
        @JsonProperty(required = true) long amount,
        Long maxAmount) implements AuctionCommand {

    public PlaceBid {
        text(commandId, "commandId");
        text(auctionId, "auctionId");
        text(bidderId, "bidderId");
        if (maxAmount != null && maxAmount < amount) {
            throw new IllegalArgumentException("maxAmount must not be below amount");
        }
    }

    /** A plain bid: no maximum. */
    public PlaceBid(String commandId, String auctionId, String bidderId, long amount) {
        this(commandId, auctionId, bidderId, amount, null);
    }

    /** The most the bidder will pay: {@code maxAmount}, or {@code amount} for a plain bid. */
    @JsonIgnore
    public long maximum() {
        return maxAmount == null ? amount : maxAmount;
    }

    @Override
    @JsonIgnore
    public String actorId() {
        return bidderId;
    }
}
