package io.gream.drill;

import io.gream.audit.Check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A drill's verdict: every invariant's {@link Check}, the resume time after every fault, and the Markdown report
 * ({@code report.md} in the run directory) that {@code docs/reliability.md} quotes.
 */
record DrillResult(List<Check> checks, List<ResumeTimes> resumes, DrillRecords records) {

    /** Bidding must resume within this after any single kill: the drill's target. */
    static final long RESUME_TARGET_MILLIS = 15_000;

    boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }

    /** Whether, after every fault, every partition that got bids had one answered within the target, by this figure. */
    boolean resumeTargetMet(Function<ResumeTimes, OptionalLong> figure) {
        return resumes.stream().allMatch(r -> figure.apply(r).orElse(Long.MAX_VALUE) <= RESUME_TARGET_MILLIS);
    }

    String markdown(String title) {
        StringBuilder md = new StringBuilder("# " + title + "\n\n## Invariants\n\n| | invariant | figures |\n|---|---|---|\n");
        for (Check check : checks) {
            md.append("| %s | %s | %s |\n".formatted(check.passed() ? "PASS" : "**FAIL**", check.name(),
                    check.summary().replace("|", "/")));
        }
        for (Check check : checks) {
            if (!check.examples().isEmpty()) {
                md.append("\n").append(check.name()).append(", first violations:\n");
                check.examples().forEach(e -> md.append("- `").append(e).append("`\n"));
            }
        }
        long t0 = records.bids().stream().mapToLong(DrillRecords.Answer::sentMillis).min().orElse(0);
        md.append("\n## Faults and time to resume\n\nTimes from the signal to the first `201` to a bid sent after it "
                + "(accepted), the first `201` or `409` (decided), and the first `200` to a query sent after it, on "
                + "the worst-hit partition.\n\n"
                + "| at (s) | fault | process | bids accepted again after | bids decided again after "
                + "| queries answered again after |\n|---|---|---|---|---|---|\n");
        for (DrillRecords.Fault fault : records.faults()) {
            ResumeTimes resume = resumes.stream().filter(r -> r.fault().equals(fault)).findFirst().orElse(null);
            md.append("| %.1f | %s | %s | %s | %s | %s |\n".formatted((fault.atMillis() - t0) / 1000.0,
                    fault.action(), fault.node(), resume == null ? "" : seconds(resume.bidMillis()),
                    resume == null ? "" : seconds(resume.decidedMillis()),
                    resume == null ? "" : seconds(resume.queryMillis())));
        }
        md.append("\n## Distribution of time to resume\n\n| fault | n | bids accepted: min / median / max "
                + "| bids decided: min / median / max | queries: min / median / max |\n|---|---|---|---|---|\n");
        Map<String, List<ResumeTimes>> byKind = new TreeMap<>(resumes.stream().collect(Collectors.groupingBy(
                r -> r.fault().action() + " " + r.fault().node().replaceAll("-\\d+$", ""))));
        byKind.put("any single fault", resumes);
        byKind.forEach((kind, list) -> md.append("| %s | %d | %s | %s | %s |\n".formatted(kind, list.size(),
                spread(list.stream().map(ResumeTimes::bidMillis).toList()),
                spread(list.stream().map(ResumeTimes::decidedMillis).toList()),
                spread(list.stream().map(ResumeTimes::queryMillis).toList()))));
        md.append(("\nTarget: bidding resumes within %d s of any single kill: %s by the first accepted bid, %s by the "
                + "first decided bid.\n").formatted(RESUME_TARGET_MILLIS / 1000,
                verdict(resumeTargetMet(ResumeTimes::bidMillis)),
                verdict(resumeTargetMet(ResumeTimes::decidedMillis))));
        md.append("\n## Load\n\n").append(loadFigures());
        return md.toString();
    }

    String loadFigures() {
        List<DrillRecords.Answer> bids = records.bids();
        Map<Integer, Long> statuses = bids.stream().collect(Collectors.groupingBy(DrillRecords.Answer::status,
                TreeMap::new, Collectors.counting()));
        long[] latencies = bids.stream().filter(b -> b.status() == 201 || b.status() == 409)
                .mapToLong(b -> b.answeredMillis() - b.sentMillis()).sorted().toArray();
        long first = bids.stream().mapToLong(DrillRecords.Answer::sentMillis).min().orElse(0);
        long last = bids.stream().mapToLong(DrillRecords.Answer::sentMillis).max().orElse(0);
        return ("- bids sent: %d over %.0f s (%.0f/s), answers by status %s (-1 = shed by the client, 0 = no answer)%n"
                + "- latency of 201/409 answers: p50 %s ms, p99 %s ms, max %s ms%n"
                + "- queries: %d, by status %s%n").formatted(bids.size(), (last - first) / 1000.0,
                bids.size() / Math.max(1.0, (last - first) / 1000.0), statuses, percentile(latencies, 0.5),
                percentile(latencies, 0.99), latencies.length == 0 ? "-" : latencies[latencies.length - 1],
                records.queries().size(), records.queries().stream().collect(Collectors.groupingBy(
                        DrillRecords.Answer::status, TreeMap::new, Collectors.counting())));
    }

    void write(Path file, String title) {
        try {
            Files.writeString(file, markdown(title));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String percentile(long[] sorted, double p) {
        return sorted.length == 0 ? "-" : String.valueOf(sorted[(int) Math.min(sorted.length - 1,
                Math.floor(p * sorted.length))]);
    }

    private static String verdict(boolean met) {
        return met ? "met" : "**missed**";
    }

    private static String seconds(OptionalLong millis) {
        return millis.isPresent() ? seconds(millis.getAsLong()) + " s" : "-";
    }

    /** A partition not resumed within the horizon shows as {@code > 120}, not as 120. */
    private static String seconds(long millis) {
        return millis >= ResumeTimes.HORIZON_MILLIS ? "> %d".formatted(ResumeTimes.HORIZON_MILLIS / 1000)
                : "%.1f".formatted(millis / 1000.0);
    }

    private static String spread(List<OptionalLong> values) {
        long[] sorted = values.stream().filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).sorted()
                .toArray();
        if (sorted.length == 0) {
            return "-";
        }
        return "%s / %s / %s s".formatted(seconds(sorted[0]), seconds(sorted[sorted.length / 2]),
                seconds(sorted[sorted.length - 1]));
    }

    static List<String> lines(List<Check> checks) {
        List<String> lines = new ArrayList<>();
        checks.forEach(c -> lines.addAll(Arrays.asList(c.line().split("\n"))));
        return lines;
    }
}
