package io.gream.load;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Starts operations at a fixed rate, each at its own intended time {@code start + i / rate}, whatever happened to
 * the ones before (an open-loop load generator). When the system under test, or this thread, falls behind, the
 * late operations are started at once and keep their intended times, so the delay they waited is part of their
 * latency: queueing is counted rather than hidden (no coordinated omission).
 *
 * <p>The operation must not block for long: it sends asynchronously and reports its completion elsewhere (to a
 * {@link LatencyLog}) with the intended time it was given.
 */
public final class OpenLoop {

    /** Starts one operation meant to start at {@code intendedMicros} ({@link PerfClock} time). */
    @FunctionalInterface
    public interface Operation {
        void start(long index, long intendedMicros);
    }

    private OpenLoop() {
    }

    /**
     * Runs {@code operation} {@code rate * duration} times, at {@code rate} per second, from {@code startMicros}.
     *
     * @return how many operations were started (less than planned only if interrupted)
     */
    public static long run(double ratePerSecond, long startMicros, Duration duration, Operation operation) {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
        }
        long planned = (long) (ratePerSecond * duration.toNanos() / 1e9);
        double periodMicros = 1e6 / ratePerSecond;
        for (long i = 0; i < planned; i++) {
            long intended = startMicros + (long) (i * periodMicros);
            long wait = intended - PerfClock.nowMicros();
            if (wait > 50) {
                LockSupport.parkNanos(wait * 1000);
            }
            if (Thread.currentThread().isInterrupted()) {
                return i;
            }
            operation.start(i, intended);
        }
        return planned;
    }
}
