package io.gream.ingress.auction;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;

/** The voucher on sale, as a seller describes it. */
record ItemRequest(
        @Schema(description = "Issuing brand", example = "Starbucks", maxLength = RequestRules.MAX_BRAND)
        String brand,
        @Schema(description = "Product", example = "Americano Tall", maxLength = RequestRules.MAX_NAME)
        String name,
        @Schema(description = "Worth at the brand, minor units (KRW: won)", example = "4500", minimum = "1")
        Long faceValue,
        @Schema(description = "Last day it can be redeemed (Korean date)", example = "2030-12-31")
        LocalDate voucherExpiresOn) {
}
