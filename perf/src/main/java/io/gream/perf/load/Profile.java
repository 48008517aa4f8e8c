package io.gream.perf.load;

import java.time.Duration;
import java.util.List;

/**
 * How long and how big a run is.
 *
 * @param warmup         excluded from every figure
 * @param measure        the measured window of each phase after its warm-up
 * @param closeAuctions  auctions opened for the close-lag phase
 * @param closeSpread    their deadlines are spread evenly over this
 * @param restRates      fixed rates (bids/s) offered through the REST API, one phase each
 * @param mysqlThreads   thread counts of the lock-based baseline
 * @param maxBacklog     commands produced but not yet decided, at most, while driving at saturation. Decisions
 *                       become visible once a second (the engine's commit interval), so this must exceed what the
 *                       fastest system decides in more than a second, or it, not the system, is the limit
 */
public record Profile(Duration warmup, Duration measure, int closeAuctions, Duration closeSpread,
                      List<Double> restRates, List<Integer> mysqlThreads, int maxBacklog) {

    /** About twenty minutes on two cores: the figures in docs/performance.md. */
    public static final Profile FULL = new Profile(Duration.ofSeconds(5), Duration.ofSeconds(15), 100_000,
            Duration.ofSeconds(60), List.of(500.0, 1000.0, 2000.0, 3500.0, 5000.0), List.of(16, 64), 250_000);

    /** A minute or two: proves the machinery, not the figures. */
    public static final Profile QUICK = new Profile(Duration.ofSeconds(1), Duration.ofSeconds(3), 2_000,
            Duration.ofSeconds(5), List.of(200.0), List.of(16, 64), 5_000);

    public Duration total() {
        return warmup.plus(measure);
    }

    /** {@code count} per second of the measured window. */
    public double perSecond(long count) {
        return count / (measure.toNanos() / 1e9);
    }
}
