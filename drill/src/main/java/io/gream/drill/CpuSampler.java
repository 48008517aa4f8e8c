package io.gream.drill;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes how much CPU each process of the cluster used between two samples ({@code cpu.csv} in the run directory:
 * one row per live process, in percent of one core, with the machine's one-minute load average), the drill's own
 * JVM included. Where eleven JVMs share two cores, a slow failover is explained by who had the CPU meanwhile: a
 * restarting engine, the brokers, request threads answering polls, or the load generator.
 *
 * <p>Reads the operating system's own accounting ({@link ProcessHandle.Info#totalCpuDuration()}): it costs nothing
 * measurable, and a killed and restarted process is a new pid whose first sample only sets its baseline.
 */
final class CpuSampler implements AutoCloseable {

    static final String HEADER = "atMillis,node,pid,cpuPercent,loadAverage";

    private final List<ClusterLayout.Node> nodes;
    private final Processes processes;
    private final BufferedWriter out;
    private final Map<Long, Long> lastCpuNanos = new HashMap<>();
    private Thread thread;
    private long lastSampleNanos = System.nanoTime();

    CpuSampler(List<ClusterLayout.Node> nodes, Processes processes, Path file) {
        this.nodes = List.copyOf(nodes);
        this.processes = processes;
        try {
            this.out = Files.newBufferedWriter(file);
            out.write(HEADER);
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lastCpuNanos.put(ProcessHandle.current().pid(), selfCpuNanos());
    }

    /** Samples every {@code period} on a daemon thread until {@link #close()}. */
    CpuSampler every(Duration period) {
        thread = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(period.toMillis());
                    sample();
                }
            } catch (InterruptedException e) {
                // closed
            }
        }, "drill-cpu-sampler");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** One row per live process: its CPU since the previous sample, or {@code -1} for a pid seen the first time. */
    synchronized void sample() {
        long now = System.nanoTime();
        double wallNanos = Math.max(1, now - lastSampleNanos);
        lastSampleNanos = now;
        long at = System.currentTimeMillis();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        try {
            for (ClusterLayout.Node node : nodes) {
                Optional<ProcessHandle> process = processes.handle(node);
                Optional<Duration> cpu = process.flatMap(p -> p.info().totalCpuDuration());
                if (cpu.isPresent()) {
                    row(at, node.name(), process.get().pid(), cpu.get().toNanos(), wallNanos, load);
                }
            }
            row(at, "drill", ProcessHandle.current().pid(), selfCpuNanos(), wallNanos, load);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void row(long at, String node, long pid, long cpuNanos, double wallNanos, double load)
            throws IOException {
        Long previous = lastCpuNanos.put(pid, cpuNanos);
        double percent = previous == null ? -1 : 100 * (cpuNanos - previous) / wallNanos;
        out.write("%d,%s,%d,%.1f,%.2f".formatted(at, node, pid, percent, load));
        out.newLine();
    }

    private static long selfCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    @Override
    public void close() {
        try {
            if (thread != null) {
                thread.interrupt();
                thread.join();
            }
            out.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
