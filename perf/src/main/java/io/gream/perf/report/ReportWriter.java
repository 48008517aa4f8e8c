package io.gream.perf.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.gream.load.LatencySummary;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Writes a {@link Report} as {@code report.md}, {@code report.json} and {@code latency-vs-throughput.png}: latency
 * p50 and p99 (log scale) against achieved throughput, one line per system and workload, from fixed-rate figures.
 */
public final class ReportWriter {

    public static final String MARKDOWN = "report.md";
    public static final String JSON = "report.json";
    public static final String CHART = "latency-vs-throughput.png";

    private static final JsonMapper JSON_MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ReportWriter() {
    }

    public static void write(Report report, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(MARKDOWN), markdown(report));
            Files.writeString(dir.resolve(JSON), JSON_MAPPER.writeValueAsString(new Stored(report.command(),
                    report.machine(), report.engineFacts(), report.measurements(), report.comparisons())));
            chart(report, dir.resolve(CHART));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a {@code report.json} back, e.g. to render it again after the chart or tables changed. */
    public static Report read(Path json) {
        Stored stored = JSON_MAPPER.readValue(json.toFile(), Stored.class);
        Report report = new Report(stored.command(), stored.machine());
        stored.measurements().forEach(report::add);
        stored.engine().forEach(report::engineFact);
        return report;
    }

    /** What {@code report.json} holds; the comparisons follow from the rest, so reading skips them. */
    @JsonPropertyOrder({"command", "machine", "engine", "measurements", "comparisons"})
    @JsonIgnoreProperties(value = "comparisons", allowGetters = true)
    record Stored(String command, Map<String, Object> machine, Map<String, Object> engine,
                  List<Measurement> measurements, List<Report.Comparison> comparisons) {
    }

    static String markdown(Report report) {
        StringBuilder md = new StringBuilder();
        md.append("# Gream benchmark report\n\n");
        md.append("Command: `").append(report.command()).append("`\n\n");
        md.append("| machine | |\n|---|---|\n");
        report.machine().forEach((k, v) -> row(md, k, v));
        md.append("\n## Gream against its baselines and targets\n\n");
        md.append("| comparison | Gream | baseline | ratio | target | met |\n|---|---:|---:|---:|---|---|\n");
        for (Report.Comparison c : report.comparisons()) {
            row(md, c.what(), num(c.gream()) + ' ' + c.unit(), c.baseline() == 0 ? "" : num(c.baseline()),
                    Double.isNaN(c.ratio()) ? "" : String.format(Locale.ROOT, "%.2fx", c.ratio()), c.target(),
                    c.met() == null ? "" : c.met() ? "yes" : "**no**");
        }
        md.append("\n## All figures\n\n");
        md.append("| system | metric | workload | offered/s | done/s | p50 ms | p99 ms | p99.9 ms | max ms | notes |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (Measurement m : report.measurements()) {
            LatencySummary l = m.latency();
            row(md, m.system(), m.metric(), m.workload(),
                    m.offeredPerSecond() == 0 ? "max" : num(m.offeredPerSecond()), num(m.throughputPerSecond()),
                    ms(l, l.p50Ms()), ms(l, l.p99Ms()), ms(l, l.p999Ms()), ms(l, l.maxMs()),
                    m.notes().isEmpty() ? "" : new TreeMap<>(m.notes()).toString());
        }
        if (!report.engineFacts().isEmpty()) {
            md.append("\n## Engine process at the end\n\n| | |\n|---|---|\n");
            new TreeMap<>(report.engineFacts()).forEach((k, v) -> row(md, k, v));
        }
        md.append("\n![latency percentiles against throughput](").append(CHART).append(")\n");
        return md.toString();
    }

    private static void chart(Report report, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(1100).height(600)
                .title("Gream: latency percentiles against throughput")
                .xAxisTitle("completed per second").yAxisTitle("latency (ms, log scale)").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        for (String system : List.of("gream-engine", "raw-kafka", "gream-rest", "locking-rest")) {
            for (String workload : List.of("uniform", "hot")) {
                // Overloaded points (less than half the offered rate completed) are in the table, not the chart:
                // their latency is the length of the phase, not of the system.
                List<Measurement> points = report.measurements().stream()
                        .filter(m -> m.system().equals(system) && m.workload().equals(workload)
                                && m.metric().startsWith("latency") && m.latency().count() > 0
                                && m.throughputPerSecond() >= m.offeredPerSecond() / 2)
                        .sorted(Comparator.comparingDouble(Measurement::throughputPerSecond)).toList();
                if (!points.isEmpty()) {
                    series(chart, system + " " + workload + " p50", points, m -> m.latency().p50Ms());
                    series(chart, system + " " + workload + " p99", points, m -> m.latency().p99Ms());
                }
            }
        }
        if (chart.getSeriesMap().isEmpty()) {
            chart.addSeries("no fixed-rate figures", new double[] {0}, new double[] {1});
        }
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void series(XYChart chart, String name, List<Measurement> points,
                               ToDoubleFunction<Measurement> latency) {
        double[] x = points.stream().mapToDouble(Measurement::throughputPerSecond).toArray();
        double[] y = points.stream().mapToDouble(m -> Math.max(0.01, latency.applyAsDouble(m))).toArray();
        chart.addSeries(name, x, y).setMarker(SeriesMarkers.CIRCLE);
    }

    private static String num(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String ms(LatencySummary latency, double value) {
        return latency.count() == 0 ? "" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static void row(StringBuilder md, Object... cells) {
        md.append("| ").append(Arrays.stream(cells).map(String::valueOf).collect(Collectors.joining(" | ")))
                .append(" |\n");
    }
}
