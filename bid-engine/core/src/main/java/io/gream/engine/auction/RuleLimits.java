package io.gream.engine.auction;

import java.time.Duration;

/**
 * Operator-set bounds the rules enforce.
 *
 * @param maxAmount   the highest price or bid accepted anywhere ({@code AMOUNT_TOO_HIGH}); small enough that
 *                    adding an increment can never overflow a {@code long}
 * @param maxDuration the longest an auction may run from the moment it is opened
 */
public record RuleLimits(long maxAmount, Duration maxDuration) {

    /** One billion won and the 30 days of DESIGN.md. */
    public static final RuleLimits DEFAULT = new RuleLimits(1_000_000_000L, Duration.ofDays(30));

    public RuleLimits {
        if (maxAmount <= 0 || maxAmount > Long.MAX_VALUE / 4) {
            throw new IllegalArgumentException("maxAmount must be in (0, Long.MAX_VALUE / 4]: " + maxAmount);
        }
        if (maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("maxDuration must be positive: " + maxDuration);
        }
    }
}
