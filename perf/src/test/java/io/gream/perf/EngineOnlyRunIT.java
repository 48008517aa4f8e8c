package io.gream.perf;

import io.gream.perf.report.ReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One tiny real run through the command line: a broker in this JVM, the engine as a child JVM from its -exec jar,
 * the engine-only phases, the report. Asserts that the figures exist and are not zero, never how fast they are.
 */
class EngineOnlyRunIT {

    @Test
    void quickEngineRunWritesAReportWithNonZeroFigures(@TempDir Path out) throws Exception {
        int exit = PerfCommand.commandLine().execute("engine", "--quick", "--partitions=3", "--out=" + out);

        assertThat(exit).isZero();
        JsonNode report = JsonMapper.builder().build().readTree(out.resolve(ReportWriter.JSON).toFile());
        JsonNode measurements = report.get("measurements");
        assertThat(measurements).isNotEmpty();
        for (JsonNode m : measurements) {
            assertThat(m.get("throughputPerSecond").asDouble()).as(m.toString()).isPositive();
        }
        assertThat(measurements).anySatisfy(m -> {
            assertThat(m.get("metric").asString()).isEqualTo("latency");
            assertThat(m.get("latency").get("count").asLong()).isPositive();
            assertThat(m.get("latency").get("p99Ms").asDouble()).isPositive();
        });
        assertThat(report.get("engine").get("rssMiB").asLong()).isPositive();
        assertThat(Files.readString(out.resolve(ReportWriter.MARKDOWN))).contains("| gream-engine | saturation | hot |");
        assertThat(out.resolve(ReportWriter.CHART)).isNotEmptyFile();
    }
}
