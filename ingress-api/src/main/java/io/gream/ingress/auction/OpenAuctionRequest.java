package io.gream.ingress.auction;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * Body of {@code POST /api/auctions}. All amounts are whole minor units. Names no seller: the seller is the caller.
 */
record OpenAuctionRequest(
        @Schema(description = "Chosen id ([A-Za-z0-9_-]{1,64}); generated when absent", example = "starbucks-7f3a")
        String auctionId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        ItemRequest item,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "3000", minimum = "1")
        Long startPrice,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "100", minimum = "1")
        Long minIncrement,
        @Schema(description = "Lowest price the seller accepts; at least startPrice", example = "3500")
        Long reservePrice,
        @Schema(description = "Ends the auction at once when bid; above startPrice, at least reservePrice",
                example = "4200")
        Long buyNowPrice,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "In the future, at most 30 days ahead",
                example = "2030-01-01T12:00:00Z")
        Instant endsAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Anti-sniping window: a bid this close to the end extends it; 0 = off",
                example = "60", minimum = "0")
        Long softCloseSeconds) {
}
