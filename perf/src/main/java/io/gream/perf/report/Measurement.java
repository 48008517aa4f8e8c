package io.gream.perf.report;

import io.gream.load.LatencySummary;
import java.util.Map;
import java.util.TreeMap;

/**
 * One figure of the report.
 *
 * @param system     what was measured: {@code gream-engine}, {@code gream-rest}, {@code raw-kafka}, {@code mysql-16},
 *                   {@code decider}, ...
 * @param metric     {@code saturation} (the most it did), {@code latency} (at a fixed offered rate) or
 *                   {@code close-lag}
 * @param workload   {@code hot}, {@code uniform}, {@code skewed} or {@code close-100k}
 * @param offeredPerSecond the fixed rate offered, or 0 when the system was driven as fast as it went
 * @param throughputPerSecond what completed per second in the measured window
 * @param latency    latency percentiles, {@link LatencySummary#NONE} when not measured
 * @param notes      further figures (acceptance share, failures, ...)
 */
public record Measurement(String system, String metric, String workload, double offeredPerSecond,
                          double throughputPerSecond, LatencySummary latency, Map<String, Object> notes) {

    public Measurement {
        notes = Map.copyOf(notes);
    }

    /** This figure with one more note. */
    public Measurement withNote(String name, Object value) {
        Map<String, Object> more = new TreeMap<>(notes);
        more.put(name, value);
        return new Measurement(system, metric, workload, offeredPerSecond, throughputPerSecond, latency, more);
    }

    /** {@code part / whole} to three decimals, 0 when there is no whole: the accepted share of decisions. */
    public static double share(long part, long whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 1000.0;
    }

    public String key() {
        return system + "/" + metric + "/" + workload;
    }
}
