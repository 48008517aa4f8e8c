package io.gream.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

import static io.gream.contracts.Require.present;
import static io.gream.contracts.Require.text;

/**
 * Asks the engine to open an auction for one voucher.
 *
 * <p>Only the shape is checked here; the engine rejects terms that break the rules (prices, end time window)
 * with a {@link CommandRejected} naming the rule.
 *
 * @param reservePrice     lowest price the seller accepts, or {@code null} for none
 * @param buyNowPrice      price that ends the auction at once, or {@code null} for none
 * @param softCloseSeconds anti-sniping window; {@code 0} turns it off
 */
public record OpenAuction(
        String commandId,
        String auctionId,
        String sellerId,
        Item item,
        @JsonProperty(required = true) long startPrice,
        @JsonProperty(required = true) long minIncrement,
        Long reservePrice,
        Long buyNowPrice,
        Instant endsAt,
        long softCloseSeconds) implements AuctionCommand {

    public OpenAuction {
        text(commandId, "commandId");
        text(auctionId, "auctionId");
        text(sellerId, "sellerId");
        present(item, "item");
        present(endsAt, "endsAt");
    }

    @Override
    @JsonIgnore
    public String actorId() {
        return sellerId;
    }
}
