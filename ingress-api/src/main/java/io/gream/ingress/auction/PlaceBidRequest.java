package io.gream.ingress.auction;

import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code POST /api/auctions/{id}/bids}. Names no bidder: the bidder is the caller. */
record PlaceBidRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Whole minor units (KRW: won)",
                example = "3100", minimum = "1")
        Long amount,
        @Schema(description = "The most you will pay (a proxy bid): the engine bids for you, one increment at a"
                + " time, up to it. Secret: shown to you alone. At least amount.", example = "5000", minimum = "1")
        Long maxAmount) {
}
