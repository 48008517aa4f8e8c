package io.gream.perf.report;

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
            assertThat(c.what()).contains("raw produce+consume").endsWith("uniform");
            assertThat(c.ratio()).isEqualTo(0.15);
            assertThat(c.met()).isFalse();
        });
        assertThat(comparisons).anySatisfy(c -> {
            assertThat(c.what()).startsWith("engine p99 at 50%");
            assertThat(c.met()).isFalse();
        });
        assertThat(comparisons).anySatisfy(c -> {
            assertThat(c.what()).startsWith("close lag p99");
            assertThat(c.met()).isTrue();
        });
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
        assertThat(json.get("measurements")).hasSize(8);
        assertThat(json.get("comparisons").get(0).get("ratio").asDouble()).isEqualTo(20.0);

        byte[] png = Files.readAllBytes(dir.resolve(ReportWriter.CHART));
        assertThat(Arrays.copyOf(png, 4)).containsExactly(0x89, 'P', 'N', 'G');
        assertThat(png.length).isGreaterThan(5_000);
    }
}
