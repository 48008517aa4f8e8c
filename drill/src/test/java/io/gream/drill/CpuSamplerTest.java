package io.gream.drill;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CpuSamplerTest {

    @TempDir
    Path tmp;

    private Process busy;

    @AfterEach
    void stopBusyProcess() {
        if (busy != null) {
            busy.destroyForcibly();
        }
    }

    @Test
    void eachLiveProcessGetsItsCpuSinceThePreviousSampleAndAStoppedOneNoRow() throws IOException {
        ClusterLayout layout = new ClusterLayout(tmp.resolve("cluster"), 29000);
        ClusterLayout.Node spinning = node("bid-engine-1");
        ClusterLayout.Node stopped = node("bid-engine-2");
        busy = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
        Files.createDirectories(layout.pids());
        Files.writeString(layout.pids().resolve("bid-engine-1.pid"), Long.toString(busy.pid()));
        Path csv = tmp.resolve("cpu.csv");

        try (CpuSampler sampler = new CpuSampler(List.of(spinning, stopped), new Processes(layout), csv)) {
            sampler.sample();
            spinUntilTheBusyProcessUsedMoreCpu(50);
            sampler.sample();
        }

        List<String[]> rows = Files.readAllLines(csv).stream().skip(1).map(line -> line.split(",")).toList();
        assertThat(Files.readAllLines(csv).get(0)).isEqualTo(CpuSampler.HEADER);
        assertThat(rows).noneMatch(row -> row[1].equals("bid-engine-2"));
        List<String[]> engine = rows.stream().filter(row -> row[1].equals("bid-engine-1")).toList();
        assertThat(engine).hasSize(2);
        assertThat(engine.get(0)[2]).isEqualTo(Long.toString(busy.pid()));
        assertThat(Double.parseDouble(engine.get(0)[3])).as("first sight of a pid: baseline only").isEqualTo(-1);
        assertThat(Double.parseDouble(engine.get(1)[3])).isGreaterThan(0).isLessThanOrEqualTo(
                100.0 * Runtime.getRuntime().availableProcessors() + 1);
        assertThat(rows).filteredOn(row -> row[1].equals("drill")).hasSize(2)
                .allMatch(row -> Double.parseDouble(row[3]) >= 0, "the drill's own JVM is measured from the start");
    }

    /** Waits (spinning, not sleeping) until the operating system has charged the child {@code millis} more CPU. */
    private void spinUntilTheBusyProcessUsedMoreCpu(long millis) {
        long from = cpuMillis();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (cpuMillis() < from + millis && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    private long cpuMillis() {
        return busy.info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
    }

    private static ClusterLayout.Node node(String name) {
        return new ClusterLayout.Node(name, ClusterLayout.Kind.ENGINE, 1, List.of(), Path.of(name + ".log"), 0, null);
    }
}
