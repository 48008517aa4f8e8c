package io.gream.settlement.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.time.Instant;

/**
 * The worker's own metrics: {@code gream.settlement.settlements{outcome}} (completed, failed, republished) and
 * {@code gream.settlement.lag}, the time from the auction's close ({@code AuctionClosed.at}) to its settlement.
 * Gateway latency is timed by the gateway guard ({@code gream.settlement.gateway.latency}).
 */
class SettlementMetrics {

    private final Counter completed;
    private final Counter failed;
    private final Counter republished;
    private final Timer lag;

    SettlementMetrics(MeterRegistry meters) {
        this.completed = settlements(meters, "completed");
        this.failed = settlements(meters, "failed");
        this.republished = settlements(meters, "republished");
        this.lag = Timer.builder("gream.settlement.lag")
                .description("time from an auction's close to its settlement")
                .publishPercentileHistogram()
                .register(meters);
    }

    void settled(boolean completedNow, Instant closedAt, Instant settledAt) {
        (completedNow ? completed : failed).increment();
        lag.record(Duration.between(closedAt, settledAt).isNegative() ? Duration.ZERO
                : Duration.between(closedAt, settledAt));
    }

    void republished() {
        republished.increment();
    }

    private static Counter settlements(MeterRegistry meters, String outcome) {
        return Counter.builder("gream.settlement.settlements")
                .description("settlements by outcome; republished: an already settled auction delivered again")
                .tag("outcome", outcome)
                .register(meters);
    }
}
