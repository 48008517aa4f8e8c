package io.gream.settlement.ledger;

/**
 * The platform's fee on a sale, in basis points of the price (1 bp = 0.01 %).
 *
 * <p>Rounding: the fee is rounded <em>down</em> to a whole minor unit, so the seller never receives less than the
 * exact share and the buyer's price is never split into fractions: {@code fee = floor(price * bp / 10000)} and
 * {@code proceeds = price - fee}. For KRW (no minor unit below the won) a 10 % fee on 12,345 is 1,234 and the seller
 * gets 11,111.
 */
public record FeeSchedule(int basisPoints) {

    public static final int ALL = 10_000;

    public FeeSchedule {
        if (basisPoints < 0 || basisPoints > ALL) {
            throw new IllegalArgumentException("fee basis points must be within 0..10000, was " + basisPoints);
        }
    }

    /** Splits a positive price into fee and proceeds; they always add up to the price. */
    public SaleSplit split(long price) {
        if (price <= 0) {
            throw new IllegalArgumentException("price must be positive, was " + price);
        }
        long fee = Math.multiplyExact(price, basisPoints) / ALL; // non-negative, so integer division is floor
        return new SaleSplit(price, fee, price - fee);
    }
}
