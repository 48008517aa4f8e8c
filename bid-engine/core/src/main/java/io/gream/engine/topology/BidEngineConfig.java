package io.gream.engine.topology;

import io.gream.engine.auction.RuleLimits;

import java.time.Duration;

/**
 * What the topology needs to know that is not in the log.
 *
 * @param limits                  bounds the auction rules enforce
 * @param tickInterval            how often each task appends a {@link io.gream.contracts.Tick} to its partition;
 *                                bounds how late an auction on an idle partition closes
 * @param decidedCommandRetention how long after an auction ends its decided command ids are kept, so a late retry
 *                                still gets its original outcome
 */
public record BidEngineConfig(RuleLimits limits, Duration tickInterval, Duration decidedCommandRetention) {

    public static final BidEngineConfig DEFAULT =
            new BidEngineConfig(RuleLimits.DEFAULT, Duration.ofMillis(200), Duration.ofHours(24));

    public BidEngineConfig {
        if (tickInterval.toMillis() < 1) {
            throw new IllegalArgumentException("tickInterval must be at least 1 ms: " + tickInterval);
        }
        if (decidedCommandRetention.isNegative()) {
            throw new IllegalArgumentException("decidedCommandRetention must not be negative");
        }
    }
}
