package io.gream.perf.report;

import io.gream.load.LatencySummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportWriterTest {

    private static LatencySummary latency(double p50, double p99) {
        return new LatencySummary(1000, p50, p99, p99 * 1.5, p99 * 2);
    }

    private static Report sampleReport() {
        Report report = new Report("gream-perf all", Map.of("cpus (nproc)", 2));
        report.add(new Measurement("gream-engine", "saturation", "hot", 0, 10_000, LatencySummary.NONE, Map.of()));
        report.add(new Measurement("mysql-16", "saturation", "hot", 0, 400, latency(5, 40), Map.of()));
        report.add(new Measurement("mysql-64", "saturation", "hot", 0, 500, latency(20, 400), Map.of()));
        report.add(new Measurement("gream-engine", "saturation", "uniform", 0, 3_000, LatencySummary.NONE,
                Map.of()));
        report.add(new Measurement("raw-kafka", "saturation", "uniform", 0, 20_000, LatencySummary.NONE, Map.of()));
        report.add(new Measurement("bare-streams", "saturation", "uniform", 0, 6_000, LatencySummary.NONE, Map.of()));
        for (double rate : new double[] {500, 1_000, 2_000}) {
            report.add(new Measurement("gream-rest", "latency", "hot", rate, rate, latency(10, 40),
                    Map.of("failed", 0)));
            report.add(new Measurement("gream-rest", "latency", "uniform", rate, rate,
                    latency(10, rate < 2_000 ? 60 : 300), Map.of("failed", 0, "appendToAnswerP99Ms", rate / 20)));
        }
        report.add(new Measurement("locking-rest", "latency", "hot", 500, 500, latency(5, 30), Map.of("failed", 0)));
        report.add(new Measurement("locking-rest", "latency", "hot", 1_000, 900, latency(50, 150),
                Map.of("failed", 0)));
        report.add(new Measurement("load-generator", "latency", "ping", 10_000, 10_000, latency(1, 5),
                Map.of("failed", 0, "sendLateP99Ms", 1_500.0)));
        report.add(new Measurement("gream-engine", "latency", "uniform", 1_500, 1_500, latency(60, 200), Map.of()));
        report.add(new Measurement("raw-kafka", "latency", "uniform", 1_500, 1_500, latency(1, 8), Map.of()));
        report.add(new Measurement("gream-engine", "close-lag", "close", 0, 1_000, latency(300, 700),
                Map.of("auctions", 100_000)));
        report.engineFact("rssMiB", 640);
        return report;
    }

    @Test
    void comparesEveryGreamFigureWithItsBaselineAndTarget() {
        var comparisons = sampleReport().comparisons();

        assertThat(comparisons).anySatisfy(c -> {
            assertThat(c.what()).contains("MySQL").contains("mysql-64").endsWith("hot");
            assertThat(c.ratio()).isEqualTo(20.0);
            assertThat(c.met()).isTrue();
        });
        assertThat(comparisons).anySatisfy(c -> {
            assertThat(c.what()).contains("bare Streams").endsWith("uniform");
            assertThat(c.ratio()).isEqualTo(0.5);
            assertThat(c.met()).isFalse();
        });
        assertThat(comparisons).anySatisfy(c -> {
            assertThat(c.what()).contains("hot auction: Gream vs lock-based");
            assertThat(c.gream()).isEqualTo(2_000);
            assertThat(c.ratio()).isEqualTo(4.0);
            assertThat(c.met()).isTrue();
        });
        assertThat(comparisons).anySatisfy(c -> {
            assertThat(c.what()).startsWith("REST with outcome, uniform: best rate");
            assertThat(c.gream()).isEqualTo(1_000);
            assertThat(c.met()).isFalse();
        });
        assertThat(comparisons).anySatisfy(c -> {
            assertThat(c.what()).startsWith("command appended -> outcome").contains("at 500/s");
            assertThat(c.gream()).isEqualTo(25);
            assertThat(c.met()).isTrue();
        });
        assertThat(comparisons).anySatisfy(c -> {
            assertThat(c.what()).startsWith("load generator");
            assertThat(c.met()).as("a client-limited figure never meets its target").isFalse();
        });
        assertThat(comparisons).anySatisfy(c -> {
            assertThat(c.what()).startsWith("close lag p99");
            assertThat(c.met()).isTrue();
        });
    }

    @Test
    void aRestRateCountsUnlessTheGeneratorItselfWasTheLimit() {
        Report report = new Report("test", Map.of());
        report.add(new Measurement("gream-rest", "latency", "uniform", 500, 500, latency(10, 60),
                Map.of("failed", 0, "sendLateP99Ms", 20.0, "generatorBusiestThreadCores", 0.1)));
        report.add(new Measurement("gream-rest", "latency", "uniform", 1_000, 1_000, latency(10, 60),
                Map.of("failed", 0, "generatorBusiestThreadCores", 0.95)));
        report.add(new Measurement("gream-rest", "latency", "uniform", 2_000, 2_000, latency(10, 60),
                Map.of("failed", 0, "sendLateP99Ms", 150.0)));

        assertThat(report.bestRest("gream-rest", "uniform")).get()
                .extracting(Measurement::offeredPerSecond).isEqualTo(500.0);
    }

    @Test
    void writesMarkdownJsonAndAPngChart(@TempDir Path dir) throws Exception {
        ReportWriter.write(sampleReport(), dir);

        String markdown = Files.readString(dir.resolve(ReportWriter.MARKDOWN));
        assertThat(markdown).contains("| engine bids/s vs MySQL FOR UPDATE (best of mysql-64), hot | 10,000 bids/s "
                + "| 500 | 20.00x | >= 10x | yes |");
        assertThat(markdown).contains("| gream-engine | latency | uniform | 1,500 | 1,500 | 60.0 | 200.0 |");
        assertThat(markdown).contains("| rssMiB | 640 |").contains("![latency percentiles against throughput]");

        JsonNode json = JsonMapper.builder().build().readTree(dir.resolve(ReportWriter.JSON).toFile());
        assertThat(json.get("measurements")).hasSize(18);
        assertThat(json.get("comparisons").get(0).get("ratio").asDouble()).isEqualTo(20.0);

        byte[] png = Files.readAllBytes(dir.resolve(ReportWriter.CHART));
        assertThat(Arrays.copyOf(png, 4)).containsExactly(0x89, 'P', 'N', 'G');
        assertThat(png.length).isGreaterThan(5_000);
    }

    @Test
    void readsBackWhatItWroteSoARunCanBeRenderedAgain(@TempDir Path dir) throws Exception {
        ReportWriter.write(sampleReport(), dir);
        String markdown = Files.readString(dir.resolve(ReportWriter.MARKDOWN));
        String json = Files.readString(dir.resolve(ReportWriter.JSON));

        ReportWriter.write(ReportWriter.read(dir.resolve(ReportWriter.JSON)), dir);

        assertThat(Files.readString(dir.resolve(ReportWriter.MARKDOWN))).isEqualTo(markdown);
        assertThat(Files.readString(dir.resolve(ReportWriter.JSON))).isEqualTo(json);
    }
}
