package io.gream.analytics;

/**
 * What auctions of one brand sold for: how many sold and the sum of their prices, in minor units.
 *
 * <p>Kept as a total and a count rather than an average, so each sale is one exact addition and the average is
 * derived, rounded once, when asked.
 *
 * @param auctions   auctions of the brand that closed with a winner
 * @param totalPrice the sum of their prices
 */
public record BrandClosingPrices(long auctions, long totalPrice) {

    public static final BrandClosingPrices NONE = new BrandClosingPrices(0, 0);

    /** With one more sale at {@code price}; fails rather than wrap around on overflow. */
    public BrandClosingPrices add(long price) {
        return new BrandClosingPrices(auctions + 1, Math.addExact(totalPrice, price));
    }

    /** The mean price in minor units, rounded half up; 0 when nothing sold. */
    public long averagePrice() {
        if (auctions == 0) {
            return 0;
        }
        return Math.floorDiv(totalPrice + auctions / 2, auctions);
    }
}
