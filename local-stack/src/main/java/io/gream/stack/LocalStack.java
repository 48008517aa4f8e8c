package io.gream.stack;

import io.gream.stack.kafka.GreamTopics;
import io.gream.kafka.KafkaNode;
import io.gream.stack.service.RunningService;
import io.gream.stack.service.ServiceDefinition;
import io.gream.stack.service.StackLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All of Gream on one machine, in this JVM: one real Kafka node, the Gream topics, and every service in its own
 * Spring context on its own port, with everything they keep under one data directory.
 *
 * <p>Start order is broker, topics, then the services in {@link StackSettings#services()} order, each ready before
 * the next starts; {@link #close()} stops them in reverse, the broker last, so each service can still commit its
 * work (Kafka Streams' last transaction, offsets) while it shuts down. Restarting with the same data directory
 * resumes: the broker keeps its log, the engine its state stores (and what they lack it restores from changelogs).
 *
 * <p>Why one JVM and not a JVM per service: one heap and one set of loaded libraries instead of one per service on
 * a small machine, one Ctrl-C stops everything without orphan processes, and the end-to-end test starts the very
 * same stack in its own JVM. The cost is a shared classpath, handled per service in
 * {@link io.gream.stack.service.GreamServices}.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final StackSettings settings;
    private final StackLayout layout;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final List<RunningService> services = new java.util.ArrayList<>();
    private KafkaNode broker;
    private boolean closed;

    private LocalStack(StackSettings settings, StackLayout layout) {
        this.settings = settings;
        this.layout = layout;
    }

    /**
     * Checks every port, then starts everything and returns when every service answers ready.
     *
     * @throws PortsUnavailableException before starting anything, when a port is taken or given twice
     */
    public static LocalStack start(StackSettings settings) throws Exception {
        List<String> problems = PortCheck.problems(settings.namedPorts());
        if (!problems.isEmpty()) {
            throw new PortsUnavailableException(problems);
        }
        Path dataDir = settings.dataDir().toAbsolutePath().normalize();
        Files.createDirectories(dataDir);
        StackLayout layout = new StackLayout(dataDir, "localhost:" + settings.kafkaPort(), settings.partitions(),
                settings.servicePorts());
        LocalStack stack = new LocalStack(settings, layout);
        try {
            stack.startAll();
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        log.info("Starting Kafka (KRaft) on localhost:{}, log dir {}", settings.kafkaPort(), kafkaDir());
        broker = KafkaNode.start(KafkaNode.Settings.singleNode(kafkaDir(), settings.kafkaPort(),
                settings.controllerPort(), settings.partitions()));
        started.push(broker);
        Set<String> created = GreamTopics.ensure(broker.bootstrapServers(), settings.partitions());
        log.info(created.isEmpty() ? "Topics exist, resuming" : "Created topics {}", created);
        for (ServiceDefinition definition : settings.services()) {
            log.info("Starting {} on {}", definition.name(), layout.url(definition.name()));
            RunningService service = RunningService.start(definition, layout,
                    settings.overrides().getOrDefault(definition.name(), Map.of()), loggingSettings());
            started.push(service);
            services.add(service);
            service.awaitReady(READY_TIMEOUT);
        }
    }

    /** Every service logs to one file under the data dir; the console shows only warnings and the launcher. */
    Map<String, String> loggingSettings() {
        return Map.of(
                "logging.file.name", logFile().toString(),
                "logging.threshold.console", "WARN",
                // a single node's expected start-up warnings (controller activation, racing internal-topic creation)
                "logging.level.org.apache.kafka.controller.QuorumController", "ERROR",
                "logging.level.kafka.server.DefaultAutoTopicCreationManager", "ERROR",
                // "H2 2.4 is newer than Flyway has been verified with", once per database at every start
                "logging.level.org.flywaydb.core.internal.database.base.Database", "ERROR");
    }

    public Path logFile() {
        return layout.dataDir().resolve("logs").resolve("gream.log");
    }

    public Path kafkaDir() {
        return layout.dataDir().resolve("kafka");
    }

    public StackLayout layout() {
        return layout;
    }

    public List<RunningService> services() {
        return List.copyOf(services);
    }

    public String bootstrapServers() {
        return layout.bootstrapServers();
    }

    /** The base URL of one of the stack's services, e.g. {@code url("ingress-api")}. */
    public String url(String service) {
        return layout.url(service);
    }

    /** Stops the services in reverse start order, then the broker. Safe to call twice and from a shutdown hook. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (!started.isEmpty()) {
            AutoCloseable next = started.pop();
            try {
                next.close();
            } catch (Exception | LinkageError e) {
                log.warn("Stopping {} failed; going on with the rest", next, e);
            }
        }
    }

    /** A port of the stack is taken or given twice; nothing was started. */
    public static final class PortsUnavailableException extends Exception {

        private final List<String> problems;

        PortsUnavailableException(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
