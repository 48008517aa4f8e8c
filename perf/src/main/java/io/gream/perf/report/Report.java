package io.gream.perf.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Everything one run found: the machine, the figures, side figures of the engine process (RSS, state size) and
 * the comparisons with the baselines and targets. Collected by the phases while they run.
 */
public final class Report {

    /**
     * A Gream figure next to the baseline it is judged against ({@code baseline} 0 when there is none), and its
     * target in words ({@code met} {@code null} when there is no target or a figure is missing).
     */
    @JsonPropertyOrder({"what", "gream", "baseline", "ratio", "unit", "target", "met"})
    public record Comparison(String what, double gream, double baseline, String unit, String target, Boolean met) {

        /** {@code gream / baseline}, or NaN when there is no baseline. */
        public double ratio() {
            return baseline == 0 ? Double.NaN : gream / baseline;
        }

        @JsonProperty("ratio")
        Double ratioOrNull() {
            return baseline == 0 ? null : ratio();
        }
    }

    private final String command;
    private final Map<String, Object> machine;
    private final List<Measurement> measurements = new CopyOnWriteArrayList<>();
    private final Map<String, Object> engine = new ConcurrentHashMap<>();

    public Report(String command, Map<String, Object> machine) {
        this.command = command;
        this.machine = Map.copyOf(machine);
    }

    public void add(Measurement measurement) {
        measurements.add(measurement);
        System.out.printf("  => %s: %.0f/s offered=%.0f/s p50=%.1fms p99=%.1fms p99.9=%.1fms %s%n",
                measurement.key(), measurement.throughputPerSecond(), measurement.offeredPerSecond(),
                measurement.latency().p50Ms(), measurement.latency().p99Ms(), measurement.latency().p999Ms(),
                measurement.notes());
    }

    public void engineFact(String name, Object value) {
        engine.put(name, value);
    }

    public String command() {
        return command;
    }

    public Map<String, Object> machine() {
        return machine;
    }

    public List<Measurement> measurements() {
        return List.copyOf(measurements);
    }

    public Map<String, Object> engineFacts() {
        return Map.copyOf(engine);
    }

    public Optional<Measurement> find(String system, String metric, String workload) {
        return measurements().stream()
                .filter(m -> m.system().equals(system) && m.metric().equals(metric) && m.workload().equals(workload))
                .findFirst();
    }

    /** The best (highest throughput) of several systems' saturation figures, e.g. MySQL at 16 and 64 threads. */
    Optional<Measurement> bestSaturation(String systemPrefix, String workload) {
        return measurements().stream()
                .filter(m -> m.system().startsWith(systemPrefix) && m.metric().equals("saturation")
                        && m.workload().equals(workload))
                .max((a, b) -> Double.compare(a.throughputPerSecond(), b.throughputPerSecond()));
    }

    /** Every Gream figure next to its baseline and, where one is set, its target. */
    public List<Comparison> comparisons() {
        List<Comparison> out = new ArrayList<>();
        for (String workload : List.of("hot", "uniform", "skewed")) {
            find("gream-engine", "saturation", workload).ifPresent(engine -> {
                double bids = engine.throughputPerSecond();
                bestSaturation("mysql", workload).ifPresent(mysql -> out.add(new Comparison(
                        "engine bids/s vs MySQL FOR UPDATE (best of " + mysql.system() + "), " + workload, bids,
                        mysql.throughputPerSecond(), "bids/s", workload.equals("hot") ? ">= 10x" : "",
                        workload.equals("hot") ? bids >= 10 * mysql.throughputPerSecond() : null)));
                find("bare-streams", "saturation", workload).ifPresent(bare -> out.add(new Comparison(
                        "engine bids/s vs bare Streams EOS processor, " + workload, bids,
                        bare.throughputPerSecond(), "records/s", workload.equals("uniform") ? ">= 0.6x" : "",
                        workload.equals("uniform") ? bids >= 0.6 * bare.throughputPerSecond() : null)));
                find("raw-kafka", "saturation", "uniform").ifPresent(raw -> out.add(new Comparison(
                        "engine bids/s vs raw produce+consume ceiling, " + workload, bids,
                        raw.throughputPerSecond(), "records/s", "", null)));
                find("decider", "saturation", workload).ifPresent(decider -> out.add(new Comparison(
                        "engine bids/s vs the decider alone in one thread, " + workload, bids,
                        decider.throughputPerSecond(), "bids/s", "", null)));
            });
        }
        for (String workload : List.of("uniform", "hot")) {
            find("gream-engine", "latency", workload).ifPresent(engine -> out.add(new Comparison(
                    "engine p99 at 50% of saturation, append -> committed event, " + workload,
                    engine.latency().p99Ms(), find("raw-kafka", "latency", "uniform").map(r -> r.latency().p99Ms())
                    .orElse(0.0), "ms (baseline: raw p99 at the same rate)", "", null)));
        }
        restComparisons(out);
        find("gream-engine", "close-lag", "close").ifPresent(close -> out.add(new Comparison(
                "close lag p99 (endsAt -> AuctionClosed visible), " + close.notes().get("auctions") + " auctions",
                close.latency().p99Ms(), 0, "ms", "<= 1000 ms", close.latency().p99Ms() <= 1000)));
        return out;
    }

    private void restComparisons(List<Comparison> out) {
        find("load-generator", "latency", "ping").ifPresent(ping -> out.add(new Comparison(
                "load generator against a trivial endpoint, requests/s at " + Math.round(ping.offeredPerSecond())
                        + "/s offered", ping.throughputPerSecond(), 0, "requests/s", ">= 10000/s, not client-limited",
                ping.throughputPerSecond() >= 0.98 * ping.offeredPerSecond() && !clientLimited(ping))));
        double uniform = bestRestRate("gream-rest", "uniform");
        double hot = bestRestRate("gream-rest", "hot");
        out.add(new Comparison("REST with outcome, uniform: best rate with p99 <= 100 ms and no errors", uniform, 0,
                "bids/s", ">= 5000/s", uniform >= 5000));
        bestRest("locking-rest", "hot").ifPresentOrElse(locking -> out.add(new Comparison("REST with outcome, hot "
                        + "auction: Gream vs lock-based REST service, best rate with p99 <= 100 ms each", hot,
                locking.offeredPerSecond(), "bids/s", ">= 3x", hot >= 3 * locking.offeredPerSecond())),
                () -> find("locking-rest", "latency", "hot").ifPresent(any -> out.add(new Comparison(
                        "REST with outcome, hot auction: the lock-based service met p99 <= 100 ms at no rate tried",
                        hot, 0, "bids/s", ">= 3x", null))));
        bestRest("locking-rest", "uniform").ifPresent(locking -> out.add(new Comparison(
                "REST with outcome, uniform: Gream vs lock-based REST service, best rate with p99 <= 100 ms each",
                uniform, locking.offeredPerSecond(), "bids/s", "", null)));
        // append -> outcome at the ingress: at the highest rate tried that is at most half the best REST rate
        double half = uniform / 2;
        measurements().stream()
                .filter(m -> m.system().equals("gream-rest") && m.workload().equals("uniform")
                        && m.notes().containsKey("appendToAnswerP99Ms"))
                .filter(m -> m.offeredPerSecond() <= Math.max(half, lowestRate("gream-rest")))
                .max((a, b) -> Double.compare(a.offeredPerSecond(), b.offeredPerSecond()))
                .ifPresent(m -> {
                    double p99 = ((Number) m.notes().get("appendToAnswerP99Ms")).doubleValue();
                    out.add(new Comparison("command appended -> outcome at the client, p99 at "
                            + Math.round(m.offeredPerSecond()) + "/s uniform (<= 50% of the best REST rate)",
                            p99, 0, "ms", "<= 50 ms", p99 <= 50));
                });
    }

    /** A system's highest offered REST rate answered with p99 <= 100 ms, no failures and not client-limited. */
    Optional<Measurement> bestRest(String system, String workload) {
        return measurements().stream()
                .filter(m -> m.system().equals(system) && m.workload().equals(workload)
                        && m.metric().equals("latency") && m.latency().count() > 0 && m.latency().p99Ms() <= 100
                        && note(m, "failed") == 0
                        && !clientLimited(m))
                .max((a, b) -> Double.compare(a.offeredPerSecond(), b.offeredPerSecond()));
    }

    /**
     * Whether the load generator, not the system under test, limited a REST figure: its busiest thread used 90% of
     * a core, or it sent more than the 100 ms latency budget late (p99). Smaller lateness is the machine's queue on
     * a shared CPU, and is already charged to the system: latency runs from the intended send time.
     */
    static boolean clientLimited(Measurement m) {
        return note(m, "generatorBusiestThreadCores") >= 0.9 || note(m, "sendLateP99Ms") > 100;
    }

    private static double note(Measurement m, String name) {
        return ((Number) m.notes().getOrDefault(name, 0)).doubleValue();
    }

    private double bestRestRate(String system, String workload) {
        return bestRest(system, workload).map(Measurement::offeredPerSecond).orElse(0.0);
    }

    private double lowestRate(String system) {
        return measurements().stream().filter(m -> m.system().equals(system))
                .mapToDouble(Measurement::offeredPerSecond).min().orElse(0);
    }
}
