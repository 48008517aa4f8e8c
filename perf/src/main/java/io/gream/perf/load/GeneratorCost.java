package io.gream.perf.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;

/**
 * What the load generator itself cost during a phase, so that no figure is the client's limit unnoticed: the CPU
 * of its own threads (the sending thread and the HTTP client's, picked by name), of the whole harness process
 * (which also hosts the broker) and how busy the machine was. Two readings, at the start and at the end of the
 * phase; a thread that ended in between is not counted.
 */
public final class GeneratorCost {

    /** Figures of one phase; CPU in cores (1.0 = one core busy all the time). */
    public record Figures(double generatorCores, double busiestThreadCores, double processCores,
                          double machineBusyShare) {
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final List<String> threadPrefixes;
    private final long sender = Thread.currentThread().getId();
    private final Map<Long, Long> threadCpuAtStart;
    private final long processCpuAtStart = processCpuNanos();
    private final long[] machineAtStart = machineTicks();
    private final long startedAt = System.nanoTime();

    /** Starts measuring; the calling thread is the sending thread. */
    public GeneratorCost(List<String> threadPrefixes) {
        this.threadPrefixes = List.copyOf(threadPrefixes);
        this.threadCpuAtStart = generatorThreadCpu();
    }

    public Figures finish() {
        double wall = System.nanoTime() - startedAt;
        LongSummaryStatistics used = generatorThreadCpu().entrySet().stream()
                .mapToLong(thread -> thread.getValue() - threadCpuAtStart.getOrDefault(thread.getKey(), 0L))
                .summaryStatistics();
        long[] machine = machineTicks();
        long all = machine[1] - machineAtStart[1];
        return new Figures(round(used.getSum() / wall), round(Math.max(0, used.getMax()) / wall),
                round((processCpuNanos() - processCpuAtStart) / wall),
                all <= 0 ? Double.NaN : round((machine[0] - machineAtStart[0]) / (double) all));
    }

    private Map<Long, Long> generatorThreadCpu() {
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && (info.getThreadId() == sender
                    || threadPrefixes.stream().anyMatch(info.getThreadName()::startsWith))) {
                long nanos = THREADS.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0) {
                    cpu.put(info.getThreadId(), nanos);
                }
            }
        }
        return cpu;
    }

    private static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /** Busy and total jiffies of all CPUs from {@code /proc/stat}; zeros where there is none. */
    private static long[] machineTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]); // idle + iowait
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
