package io.gream.stack;

import io.gream.stack.service.GreamServices;
import io.gream.stack.service.ServiceDefinition;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a local stack is started with: where its data lives, its ports, the partition count, and which services.
 *
 * <p>Each setting comes from a flag, else an environment variable, else its default:
 * <pre>
 *   --data-dir=DIR          GREAM_DATA_DIR               ./data
 *   --kafka-port=N          GREAM_KAFKA_PORT             9092
 *   --controller-port=N     GREAM_KAFKA_CONTROLLER_PORT  9093  (KRaft controller listener)
 *   --partitions=N          GREAM_PARTITIONS             12    (only when the topics are created)
 *   --&lt;service&gt;-port=N      GREAM_&lt;SERVICE&gt;_PORT          e.g. --ingress-port / GREAM_INGRESS_PORT 8080,
 *                                                              --engine-port / GREAM_ENGINE_PORT 8081,
 *                                                              --settlement-port / GREAM_SETTLEMENT_PORT 8082,
 *                                                              --notifier-port / GREAM_NOTIFIER_PORT 8083
 * </pre>
 *
 * @param overrides further properties per service name, applied last (tests use them to lift limits)
 */
public record StackSettings(Path dataDir, int kafkaPort, int controllerPort, int partitions,
                            List<ServiceDefinition> services, Map<String, Integer> servicePorts,
                            Map<String, Map<String, String>> overrides) {

    public StackSettings {
        services = List.copyOf(services);
        servicePorts = Map.copyOf(servicePorts);
        overrides = Map.copyOf(overrides);
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
    }

    /** Reads flags and environment; unknown flags are an error, so a typo never silently uses a default. */
    public static StackSettings parse(String[] args, Map<String, String> env, List<ServiceDefinition> services) {
        Map<String, String> flags = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got: " + arg);
            }
            int eq = arg.indexOf('=');
            flags.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        Map<String, String> unused = new HashMap<>(flags);
        Path dataDir = Path.of(setting(unused, env, "data-dir", "GREAM_DATA_DIR", "data"));
        int kafkaPort = port(setting(unused, env, "kafka-port", "GREAM_KAFKA_PORT", "9092"), "kafka-port");
        int controllerPort = port(setting(unused, env, "controller-port", "GREAM_KAFKA_CONTROLLER_PORT", "9093"),
                "controller-port");
        int partitions = number(setting(unused, env, "partitions", "GREAM_PARTITIONS", "12"), "partitions");
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (ServiceDefinition service : services) {
            String flag = service.portKey() + "-port";
            String variable = "GREAM_" + service.portKey().toUpperCase(Locale.ROOT) + "_PORT";
            ports.put(service.name(), port(setting(unused, env, flag, variable,
                    String.valueOf(service.defaultPort())), flag));
        }
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s): " + unused.keySet());
        }
        return new StackSettings(dataDir, kafkaPort, controllerPort, partitions, services, ports, Map.of());
    }

    public static StackSettings defaults() {
        return parse(new String[0], Map.of(), GreamServices.ALL);
    }

    public StackSettings withOverrides(Map<String, Map<String, String>> overrides) {
        return new StackSettings(dataDir, kafkaPort, controllerPort, partitions, services, servicePorts, overrides);
    }

    /** Every port this stack listens on, named for error messages, in start order. */
    Map<String, Integer> namedPorts() {
        Map<String, Integer> named = new LinkedHashMap<>();
        named.put("kafka (--kafka-port)", kafkaPort);
        named.put("kafka controller (--controller-port)", controllerPort);
        for (ServiceDefinition service : services) {
            named.put(service.name() + " (--" + service.portKey() + "-port)", servicePorts.get(service.name()));
        }
        return named;
    }

    static String usage(List<ServiceDefinition> services) {
        StringBuilder usage = new StringBuilder("""
                Usage: gream-local [--name=value ...]   (each also as an environment variable)
                  --data-dir=DIR         GREAM_DATA_DIR               default ./data  broker logs, state, databases, logs
                  --kafka-port=N         GREAM_KAFKA_PORT             default 9092
                  --controller-port=N    GREAM_KAFKA_CONTROLLER_PORT  default 9093
                  --partitions=N         GREAM_PARTITIONS             default 12      used when topics are first created
                """);
        for (ServiceDefinition service : services) {
            String flag = "--" + service.portKey() + "-port=N";
            String variable = "GREAM_" + service.portKey().toUpperCase(Locale.ROOT) + "_PORT";
            usage.append(String.format("  %-22s %-28s default %d%n", flag, variable, service.defaultPort()));
        }
        return usage.toString();
    }

    private static String setting(Map<String, String> flags, Map<String, String> env, String flag, String variable,
                                  String fallback) {
        String value = flags.remove(flag);
        if (value == null || value.isBlank()) {
            value = env.get(variable);
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int port(String value, String name) {
        int port = number(value, name);
        if (port > 65535) {
            throw new IllegalArgumentException(name + " must be a port number (1..65535), was " + value);
        }
        return port;
    }

    private static int number(String value, String name) {
        try {
            int number = Integer.parseInt(value);
            if (number < 1) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a positive whole number, was " + value);
        }
    }
}
