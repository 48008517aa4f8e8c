package io.gream.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The machine a run ran on, as the report states it: figures mean little without it. */
final class Machine {

    private Machine() {
    }

    static Map<String, Object> describe() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("date", Instant.now().toString());
        machine.put("cpus (nproc)", Runtime.getRuntime().availableProcessors());
        proc("cpuinfo", "model name").ifPresent(v -> machine.put("cpu", v));
        proc("meminfo", "MemTotal").ifPresent(v -> machine.put("memory", v));
        machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        proc("loadavg", "").ifPresent(v -> machine.put("load average at start", v));
        return machine;
    }

    /** The first line of {@code /proc/<file>} starting with {@code key}, after its colon if it has one. */
    private static Optional<String> proc(String file, String key) {
        try {
            return Files.readAllLines(Path.of("/proc", file)).stream().filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException e) {
            return Optional.empty(); // not Linux
        }
    }
}
