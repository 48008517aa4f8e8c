package io.gream.perf.report;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Writes a {@link Report} as {@code report.md}, {@code report.json} and {@code latency-vs-throughput.png}. */
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
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("command", report.command());
            json.put("machine", report.machine());
            json.put("engine", report.engineFacts());
            json.put("measurements", report.measurements());
            json.put("comparisons", report.comparisons().stream().map(c -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("what", c.what());
                row.put("gream", c.gream());
                row.put("baseline", c.baseline());
                row.put("ratio", Double.isNaN(c.ratio()) ? null : c.ratio());
                row.put("unit", c.unit());
                row.put("target", c.target());
                row.put("met", c.met());
                return row;
            }).toList());
            Files.writeString(dir.resolve(JSON), JSON_MAPPER.writeValueAsString(json));
            LatencyChart.write(report, dir.resolve(CHART));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String markdown(Report report) {
        StringBuilder md = new StringBuilder();
        md.append("# Gream benchmark report\n\n");
        md.append("Command: `").append(report.command()).append("`\n\n");
        md.append("| machine | |\n|---|---|\n");
        report.machine().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("\n## Gream against its baselines and targets\n\n");
        md.append("| comparison | Gream | baseline | ratio | target | met |\n|---|---:|---:|---:|---|---|\n");
        for (Comparison c : report.comparisons()) {
            md.append("| ").append(c.what()).append(" | ").append(num(c.gream())).append(' ').append(c.unit())
                    .append(" | ").append(c.baseline() == 0 ? "" : num(c.baseline()))
                    .append(" | ").append(Double.isNaN(c.ratio()) ? "" : String.format(Locale.ROOT, "%.2fx", c.ratio()))
                    .append(" | ").append(c.target())
                    .append(" | ").append(c.met() == null ? "" : c.met() ? "yes" : "**no**").append(" |\n");
        }
        md.append("\n## All figures\n\n");
        md.append("| system | metric | workload | offered/s | done/s | p50 ms | p99 ms | p99.9 ms | max ms | notes |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (Measurement m : report.measurements()) {
            LatencySummary l = m.latency();
            md.append("| ").append(m.system()).append(" | ").append(m.metric()).append(" | ").append(m.workload())
                    .append(" | ").append(m.offeredPerSecond() == 0 ? "max" : num(m.offeredPerSecond()))
                    .append(" | ").append(num(m.throughputPerSecond()))
                    .append(" | ").append(l.count() == 0 ? "" : ms(l.p50Ms()))
                    .append(" | ").append(l.count() == 0 ? "" : ms(l.p99Ms()))
                    .append(" | ").append(l.count() == 0 ? "" : ms(l.p999Ms()))
                    .append(" | ").append(l.count() == 0 ? "" : ms(l.maxMs()))
                    .append(" | ").append(m.notes().isEmpty() ? "" : new java.util.TreeMap<>(m.notes()).toString())
                    .append(" |\n");
        }
        if (!report.engineFacts().isEmpty()) {
            md.append("\n## Engine process at the end\n\n| | |\n|---|---|\n");
            new java.util.TreeMap<>(report.engineFacts())
                    .forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        }
        md.append("\n![latency percentiles against throughput](").append(CHART).append(")\n");
        return md.toString();
    }

    private static String num(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
