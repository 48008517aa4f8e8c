package io.gream.settlement.worker;

import io.gream.settlement.store.SettlementStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The worker's own metrics: {@code gream.settlement.settlements{outcome}} (completed, failed, republished),
 * {@code gream.settlement.lag}, the time from the auction's close ({@code AuctionClosed.at}) to its settlement,
 * {@code gream.settlement.put.offs} (attempts that left a sale pending), {@code gream.settlement.refunds{kind,outcome}},
 * {@code gream.settlement.late.charges} (charges found after their sale failed) and the pending gauges
 * ({@code gream.settlement.pending}, {@code .pending.past.deadline}, {@code .pending.next.attempt}: seconds until the
 * earliest retry). The gauges show what the last retrier poll read, not a live count. Gateway latency is timed by the
 * gateway guard ({@code gream.settlement.gateway.latency}).
 */
class SettlementMetrics {

    private final Counter completed;
    private final Counter failed;
    private final Counter republished;
    private final Timer lag;
    private final Counter putOffs;
    private final AtomicReference<SettlementStore.PendingSummary> pending =
            new AtomicReference<>(new SettlementStore.PendingSummary(0, 0, null));
    private final AtomicReference<Instant> pendingReadAt = new AtomicReference<>(Instant.EPOCH);

    private final MeterRegistry meters;
    private final Map<String, Counter> refunds = new ConcurrentHashMap<>();
    private final Counter lateCharges;

    SettlementMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.lateCharges = Counter.builder("gream.settlement.late.charges")
                .description("charges found after their settlement had failed (each is refunded)")
                .register(meters);
        this.putOffs = Counter.builder("gream.settlement.put.offs")
                .description("attempts that left a sale pending (gateway unavailable or outcome unknown)")
                .register(meters);
        Gauge.builder("gream.settlement.pending", pending, p -> p.get().pending())
                .description("settlements waiting for their charge, as of the last retrier poll")
                .register(meters);
        Gauge.builder("gream.settlement.pending.past.deadline", pending, p -> p.get().pastDeadline())
                .description("pending settlements past their deadline: their charge could not be looked up")
                .register(meters);
        Gauge.builder("gream.settlement.pending.next.attempt", pending, p -> p.get().nextAttemptAt() == null
                        ? Double.NaN
                        : Duration.between(pendingReadAt.get(), p.get().nextAttemptAt()).toMillis() / 1000.0)
                .description("seconds from the last retrier poll to the earliest next attempt")
                .baseUnit("seconds")
                .register(meters);
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

    void refunded(String kind, String outcome) {
        refunds.computeIfAbsent(kind + "/" + outcome, k -> Counter.builder("gream.settlement.refunds")
                .description("refunds by kind (BUYER, SELLER_FEE, LATE_CHARGE) and outcome (refunded, refused)")
                .tag("kind", kind).tag("outcome", outcome)
                .register(meters)).increment();
    }

    void lateCharge() {
        lateCharges.increment();
    }

    void putOff() {
        putOffs.increment();
    }

    void pending(SettlementStore.PendingSummary summary, Instant readAt) {
        pendingReadAt.set(readAt);
        pending.set(summary);
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
