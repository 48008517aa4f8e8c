package io.gream.kafka;

import io.gream.childjvm.Ports;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * One Apache Kafka node in KRaft mode, broker and controller combined, run from Kafka's own server code
 * ({@link KafkaRaftServer}) exactly as {@code kafka-server-start.sh} would run it: the local stack's single node, each
 * node of the failover drill's cluster, and the broker a benchmark starts in its own JVM.
 *
 * <p>Its log directory is durable: the first start formats it with Kafka's own {@link Formatter} (what
 * {@code kafka-storage.sh format} does) and every later start finds it formatted and resumes with the same cluster,
 * topics, offsets and transactions. That is why this is not spring-kafka-test's {@code EmbeddedKafkaKraftBroker},
 * whose test kit formats fresh temporary directories on every start; tests keep using that one.
 *
 * <p>{@link #startTemporary} is the exception: a node in a fresh temporary directory, deleted on close, for a run
 * or a test that keeps nothing.
 *
 * <p>Topics are never created on first use: whoever needs one creates it with its settings.
 */
public final class KafkaNode implements AutoCloseable {

    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String HOST = "localhost";

    /**
     * Where a node listens and what it replicates.
     *
     * @param nodeId         this node's id in the controller quorum
     * @param clusterId      the cluster id every node of one cluster formats with
     * @param quorumVoters   {@code id@host:port} of every controller, comma-separated
     * @param replicas       replication factor of new and internal topics (1 for a single node)
     * @param minInsync      their {@code min.insync.replicas}
     * @param partitions     partitions of topics created without a count, and of the offsets and transaction logs
     * @param overrides      further broker settings, applied last
     */
    public record Settings(int nodeId, String clusterId, Path logDir, int port, int controllerPort,
                           String quorumVoters, int replicas, int minInsync, int partitions,
                           Map<String, String> overrides) {

        public Settings {
            overrides = Map.copyOf(overrides);
        }

        /** A cluster of one, configured so exactly-once clients work on it (the transaction log on one replica). */
        public static Settings singleNode(Path logDir, int port, int controllerPort, int partitions) {
            return new Settings(1, Uuid.randomUuid().toString(), logDir, port, controllerPort,
                    "1@" + HOST + ":" + controllerPort, 1, 1, partitions, Map.of());
        }

        /** These settings with further broker settings, which win over the ones already there. */
        public Settings with(Map<String, String> more) {
            Map<String, String> all = new HashMap<>(overrides);
            all.putAll(more);
            return new Settings(nodeId, clusterId, logDir, port, controllerPort, quorumVoters, replicas, minInsync,
                    partitions, all);
        }
    }

    private final Settings settings;
    private final KafkaRaftServer server;
    private final boolean temporary;

    private KafkaNode(Settings settings, KafkaRaftServer server, boolean temporary) {
        this.settings = settings;
        this.server = server;
        this.temporary = temporary;
    }

    /** Formats the log directory when it is new, then starts the node and returns once it has started. */
    public static KafkaNode start(Settings settings) throws Exception {
        return start(settings, false);
    }

    /**
     * Starts a cluster of one in a new temporary directory on free ports, with the settings {@code overrides} makes
     * of the chosen ones (their ports, say) applied last. The directory is deleted on {@link #close}.
     */
    public static KafkaNode startTemporary(int partitions, Function<Settings, Map<String, String>> overrides)
            throws Exception {
        Settings settings = Settings.singleNode(Files.createTempDirectory("gream-kafka"), Ports.free(), Ports.free(),
                partitions);
        return start(settings.with(overrides.apply(settings)), true);
    }

    private static KafkaNode start(Settings settings, boolean temporary) throws Exception {
        Files.createDirectories(settings.logDir());
        KafkaConfig config = KafkaConfig.fromProps(properties(settings), false);
        formatIfNew(settings);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        return new KafkaNode(settings, server, temporary);
    }

    public String bootstrapServers() {
        return HOST + ":" + settings.port();
    }

    public Path logDir() {
        return settings.logDir();
    }

    /** Blocks until the node has shut down (from another thread or a shutdown hook). */
    public void awaitShutdown() {
        server.awaitShutdown();
    }

    /**
     * Controlled shutdown: flushes logs and writes clean-shutdown markers, so the next start skips recovery. A
     * temporary node's directory is then deleted.
     */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        if (temporary) {
            try {
                Utils.delete(settings.logDir().toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The broker settings a node with these settings starts with. */
    public static Properties properties(Settings settings) {
        String replicas = String.valueOf(settings.replicas());
        String minInsync = String.valueOf(settings.minInsync());
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(settings.nodeId()));
        props.put("controller.quorum.voters", settings.quorumVoters());
        props.put("listeners", "PLAINTEXT://" + HOST + ":" + settings.port() + "," + CONTROLLER_LISTENER + "://" + HOST
                + ":" + settings.controllerPort());
        props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + settings.port());
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", settings.logDir().toAbsolutePath().toString());
        props.put("num.partitions", String.valueOf(settings.partitions()));
        props.put("default.replication.factor", replicas);
        props.put("min.insync.replicas", minInsync);
        // The internal topics cannot have more replicas than there are brokers.
        props.put("offsets.topic.replication.factor", replicas);
        props.put("offsets.topic.num.partitions", String.valueOf(settings.partitions()));
        props.put("transaction.state.log.replication.factor", replicas);
        props.put("transaction.state.log.min.isr", minInsync);
        props.put("transaction.state.log.num.partitions", String.valueOf(settings.partitions()));
        props.put("share.coordinator.state.topic.replication.factor", replicas);
        props.put("share.coordinator.state.topic.min.isr", minInsync);
        // Nobody else will join the group: do not wait 3 s for them on every (re)start.
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("unclean.leader.election.enable", "false");
        props.put("auto.create.topics.enable", "false");
        props.putAll(settings.overrides());
        return props;
    }

    /** What {@code kafka-storage.sh format --ignore-formatted} does; a formatted directory is left as it is. */
    private static void formatIfNew(Settings settings) throws Exception {
        if (Files.exists(settings.logDir().resolve("meta.properties"))) {
            return;
        }
        String logDir = settings.logDir().toAbsolutePath().toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Formatter()
                .setPrintStream(new PrintStream(out, true, StandardCharsets.UTF_8))
                .setNodeId(settings.nodeId())
                .setClusterId(settings.clusterId())
                .setDirectories(List.of(logDir))
                .setMetadataLogDirectory(logDir)
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setReleaseVersion(MetadataVersion.latestProduction())
                .setIgnoreFormatted(true)
                .run();
    }
}
