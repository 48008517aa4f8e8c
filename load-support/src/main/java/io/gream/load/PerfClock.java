package io.gream.load;

/**
 * Wall-clock microseconds with {@link System#nanoTime()} resolution. Latencies are measured against the broker's
 * record timestamps (epoch milliseconds), so they need the wall clock; the monotonic clock keeps consecutive
 * readings from jumping backwards within a run.
 */
public final class PerfClock {

    private static final long EPOCH_MICROS_AT_START = System.currentTimeMillis() * 1000;
    private static final long NANOS_AT_START = System.nanoTime();

    private PerfClock() {
    }

    public static long nowMicros() {
        return EPOCH_MICROS_AT_START + (System.nanoTime() - NANOS_AT_START) / 1000;
    }
}
