package io.gream.perf.load;

import io.gream.load.LatencyLog;
import io.gream.load.LatencySummary;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Prints one line every few seconds while a phase runs: what was started, what completed, and the latency of the
 * last interval, so a stalled or overloaded run is visible long before the report.
 */
public final class Progress implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "perf-progress");
        thread.setDaemon(true);
        return thread;
    });
    private final long startedAt = System.nanoTime();

    public Progress(String phase, LongSupplier started, LatencyLog log, long everySeconds) {
        long[] last = {0};
        timer.scheduleAtFixedRate(() -> {
            long done = log.completed();
            LatencySummary interval = log.drainInterval();
            System.out.printf("  [%s] %4ds started=%d done=%d (%.0f/s) failed=%d interval p50=%.1fms p99=%.1fms%n",
                    phase, (System.nanoTime() - startedAt) / 1_000_000_000L, started.getAsLong(), done,
                    (done - last[0]) / (double) everySeconds, log.failures(), interval.p50Ms(), interval.p99Ms());
            last[0] = done;
        }, everySeconds, everySeconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
