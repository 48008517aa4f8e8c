package io.gream.engine.runtime;

import io.gream.contracts.AuctionClosed;
import io.gream.contracts.BidRejected;
import io.gream.contracts.CommandOutcome;
import io.gream.contracts.CommandRejected;
import io.gream.contracts.RejectionReason;
import io.gream.engine.topology.EngineObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes the engine's decisions as Micrometer metrics:
 * <ul>
 *   <li>{@code gream.engine.decisions} by {@code type} (the outcome event) and {@code reason} (the rejection
 *   reason, {@code none} when accepted): bids per second and rejections by reason on a dashboard;</li>
 *   <li>{@code gream.engine.close.lag}: from an auction's {@code endsAt} to the engine closing it, with
 *   percentiles, the figure to watch for the close-lag objective.</li>
 * </ul>
 */
final class MicrometerEngineObserver implements EngineObserver {

    private final MeterRegistry registry;
    private final Timer closeLag;
    /** One counter per outcome type and reason, looked up without building a meter id per decision. */
    private final Map<String, Counter> decisions = new ConcurrentHashMap<>();

    MicrometerEngineObserver(MeterRegistry registry) {
        this.registry = registry;
        this.closeLag = Timer.builder("gream.engine.close.lag")
                .description("Time from an auction's endsAt to the engine closing it")
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .register(registry);
    }

    @Override
    public void decided(CommandOutcome outcome) {
        String type = outcome.getClass().getSimpleName();
        String reason = reason(outcome);
        decisions.computeIfAbsent(type + '/' + reason, key -> Counter.builder("gream.engine.decisions")
                        .description("Commands decided, by outcome event and rejection reason")
                        .tag("type", type)
                        .tag("reason", reason)
                        .register(registry))
                .increment();
    }

    @Override
    public void closedAtDeadline(AuctionClosed closed, Duration lag) {
        closeLag.record(lag.isNegative() ? Duration.ZERO : lag);
    }

    private static String reason(CommandOutcome outcome) {
        RejectionReason reason = outcome instanceof BidRejected bid ? bid.reason()
                : outcome instanceof CommandRejected command ? command.reason() : null;
        return reason == null ? "none" : reason.name();
    }
}
