package io.gream.engine.auction;

import io.gream.contracts.Item;

import java.time.Instant;

/**
 * What the seller fixed when opening the auction; never changes afterwards.
 *
 * @param reservePrice {@code null} when there is no reserve
 * @param buyNowPrice  {@code null} when there is no buy-now price
 */
public record AuctionTerms(
        String auctionId,
        String sellerId,
        Item item,
        long startPrice,
        long minIncrement,
        Long reservePrice,
        Long buyNowPrice,
        long softCloseSeconds,
        Instant openedAt) {

    boolean reserveMetBy(long amount) {
        return reservePrice == null || amount >= reservePrice;
    }

    boolean buyNowReachedBy(long amount) {
        return buyNowPrice != null && amount >= buyNowPrice;
    }
}
