package io.gream.perf.workload;

import java.util.SplittableRandom;

/**
 * Which auction each bid goes to.
 *
 * <ul>
 *   <li>{@code HOT}: every bid on one auction (one partition, one row, one lock);</li>
 *   <li>{@code UNIFORM}: bids spread evenly over 10,000 auctions;</li>
 *   <li>{@code SKEWED}: half the bids on 10 hot auctions, the other half spread over 9,990 cold ones.</li>
 * </ul>
 */
public enum Workload {
    HOT(1), UNIFORM(10_000), SKEWED(10_000);

    private static final int SKEWED_HOT = 10;

    private final int auctions;

    Workload(int auctions) {
        this.auctions = auctions;
    }

    public int auctions() {
        return auctions;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The index of the auction the next bid goes to. */
    public int nextAuction(SplittableRandom random) {
        return switch (this) {
            case HOT -> 0;
            case UNIFORM -> random.nextInt(auctions);
            case SKEWED -> random.nextBoolean() ? random.nextInt(SKEWED_HOT)
                    : SKEWED_HOT + random.nextInt(auctions - SKEWED_HOT);
        };
    }
}
