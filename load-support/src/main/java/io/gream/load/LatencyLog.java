package io.gream.load;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.concurrent.atomic.LongAdder;

/**
 * Latencies of one phase in microseconds, from the moment an operation was <em>meant</em> to start to the moment
 * its result was seen. Operations meant to start during the warm-up are counted as completed but not recorded.
 *
 * <p>Thread-safe: completions arrive on producer, consumer and HTTP threads while the progress line drains
 * interval histograms.
 */
public final class LatencyLog {

    private final Recorder recorder = new Recorder(3);
    private final Histogram total = new Histogram(3);
    private final LongAdder completed = new LongAdder();
    private final LongAdder measured = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final long measureFromMicros;
    private Histogram interval;

    /** @param measureFromMicros operations meant to start before this ({@link PerfClock} time) are warm-up */
    public LatencyLog(long measureFromMicros) {
        this.measureFromMicros = measureFromMicros;
    }

    public void record(long intendedMicros, long doneMicros) {
        completed.increment();
        if (intendedMicros >= measureFromMicros) {
            measured.increment();
            recorder.recordValue(Math.max(0, doneMicros - intendedMicros));
        }
    }

    public void failed() {
        failed.increment();
    }

    public long completed() {
        return completed.sum();
    }

    public long measured() {
        return measured.sum();
    }

    public long failures() {
        return failed.sum();
    }

    /** Latencies recorded since the previous call, also folded into the total. */
    public synchronized LatencySummary drainInterval() {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        return LatencySummary.of(interval);
    }

    /** Every latency recorded so far. */
    public synchronized LatencySummary summary() {
        drainInterval();
        return LatencySummary.of(total);
    }
}
