package io.gream.perf.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one run found: the machine, the figures, side figures of the engine process (RSS, state size) and
 * the comparisons with the baselines and targets of issue 8. Collected by the phases while they run.
 */
public final class Report {

    private final String command;
    private final Map<String, Object> machine;
    private final List<Measurement> measurements = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Object> engine = Collections.synchronizedMap(new LinkedHashMap<>());

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
        synchronized (measurements) {
            return List.copyOf(measurements);
        }
    }

    public Map<String, Object> engineFacts() {
        synchronized (engine) {
            return Map.copyOf(engine);
        }
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

    /** Every Gream figure next to its baseline and, where issue 8 sets one, its target. */
    public List<Comparison> comparisons() {
        List<Comparison> out = new ArrayList<>();
        for (String workload : List.of("hot", "uniform", "skewed")) {
            find("gream-engine", "saturation", workload).ifPresent(engine -> {
                bestSaturation("mysql", workload).ifPresent(mysql -> out.add(new Comparison(
                        "engine bids/s vs MySQL FOR UPDATE (best of " + mysql.system() + "), " + workload,
                        engine.throughputPerSecond(), mysql.throughputPerSecond(), "bids/s",
                        workload.equals("hot") ? ">= 10x" : "",
                        workload.equals("hot") ? engine.throughputPerSecond() >= 10 * mysql.throughputPerSecond()
                                : null)));
                find("raw-kafka", "saturation", "uniform").ifPresent(raw -> out.add(new Comparison(
                        "engine bids/s vs raw produce+consume ceiling, " + workload,
                        engine.throughputPerSecond(), raw.throughputPerSecond(), "records/s",
                        workload.equals("uniform") ? ">= 0.30x" : "",
                        workload.equals("uniform") ? engine.throughputPerSecond() >= 0.3 * raw.throughputPerSecond()
                                : null)));
                find("decider", "saturation", workload).ifPresent(decider -> out.add(new Comparison(
                        "engine bids/s vs the decider alone in one thread, " + workload,
                        engine.throughputPerSecond(), decider.throughputPerSecond(), "bids/s", "", null)));
            });
        }
        for (String workload : List.of("uniform", "hot")) {
            find("gream-engine", "latency", workload).ifPresent(engine -> {
                double rawP99 = find("raw-kafka", "latency", "uniform").map(r -> r.latency().p99Ms()).orElse(0.0);
                out.add(new Comparison("engine p99 at 50% of saturation, append -> committed event, " + workload,
                        engine.latency().p99Ms(), rawP99, "ms (baseline: raw p99 at the same rate)",
                        "<= 150 ms", engine.latency().p99Ms() <= 150));
            });
        }
        measurements().stream().filter(m -> m.system().equals("gream-rest") && m.metric().equals("latency"))
                .filter(m -> m.latency().p99Ms() <= 100)
                .max((a, b) -> Double.compare(a.throughputPerSecond(), b.throughputPerSecond()))
                .ifPresentOrElse(rest -> out.add(new Comparison(
                                "REST bids/s with outcome at p99 <= 100 ms (best rate tried), uniform",
                                rest.throughputPerSecond(), 0, "bids/s", ">= 5000/s",
                                rest.throughputPerSecond() >= 5000)),
                        () -> find("gream-rest", "latency", "uniform").ifPresent(rest -> out.add(new Comparison(
                                "REST: no rate tried kept p99 <= 100 ms; p99 at the lowest rate",
                                rest.latency().p99Ms(), 0, "ms", ">= 5000/s at p99 <= 100 ms", false))));
        find("gream-engine", "close-lag", "close").ifPresent(close -> out.add(new Comparison(
                "close lag p99 (endsAt -> AuctionClosed visible), " + close.notes().get("auctions") + " auctions",
                close.latency().p99Ms(), 0, "ms", "<= 1000 ms", close.latency().p99Ms() <= 1000)));
        return out;
    }
}
