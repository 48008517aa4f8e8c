package io.gream.drill;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * One node of the drill's three-node Kafka cluster, run in a JVM of its own from Kafka's own server code
 * ({@link KafkaRaftServer}), broker and controller combined, with a static controller quorum of all three nodes.
 *
 * <p>Unlike the local stack's single node, this node is configured for a real cluster: replication factor 3 and
 * {@code min.insync.replicas=2} by default, the transaction and offsets logs replicated three times with a minimum
 * ISR of 2, unclean leader election off. So a {@code kill -9} of any one node loses no acknowledged record and
 * stops no exactly-once client for longer than a leader election. Broker session and heartbeat are shorter than
 * Kafka's defaults (6 s / 1 s instead of 9 s / 2 s) so the controller fences a dead broker sooner; documented in
 * {@code docs/reliability.md}.
 *
 * <p>The log directory is formatted on first start (what {@code kafka-storage.sh format} does) with the cluster id
 * all three nodes share; a restart after {@code kill -9} finds it formatted and recovers from its log.
 */
final class KafkaNode {

    static final String CONTROLLER_LISTENER = "CONTROLLER";

    private KafkaNode() {
    }

    /** Formats the log directory when new, starts the node and blocks until it is shut down. */
    static void run(ClusterLayout layout, int nodeId, String clusterId) throws Exception {
        Path logDir = layout.kafkaLogDir(nodeId);
        Files.createDirectories(logDir);
        Properties props = properties(layout, nodeId);
        KafkaConfig config = KafkaConfig.fromProps(props, false);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new Formatter()
                    .setPrintStream(new PrintStream(out, true, StandardCharsets.UTF_8))
                    .setNodeId(nodeId)
                    .setClusterId(clusterId)
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setIgnoreFormatted(true)
                    .run();
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
        }, "kafka-node-shutdown"));
        server.startup();
        System.out.printf("kafka node %d started: %s%n", nodeId, layout.kafkaBootstrap(nodeId));
        server.awaitShutdown();
    }

    static Properties properties(ClusterLayout layout, int nodeId) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(nodeId));
        props.put("controller.quorum.voters", layout.controllerQuorumVoters());
        props.put("listeners", "PLAINTEXT://" + layout.kafkaBootstrap(nodeId) + "," + CONTROLLER_LISTENER + "://"
                + ClusterLayout.HOST + ":" + layout.controllerPort(nodeId));
        props.put("advertised.listeners", "PLAINTEXT://" + layout.kafkaBootstrap(nodeId));
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", layout.kafkaLogDir(nodeId).toString());
        props.put("num.partitions", String.valueOf(ClusterLayout.PARTITIONS));
        props.put("default.replication.factor", "3");
        props.put("min.insync.replicas", "2");
        props.put("offsets.topic.replication.factor", "3");
        props.put("offsets.topic.num.partitions", "12");
        props.put("transaction.state.log.replication.factor", "3");
        props.put("transaction.state.log.min.isr", "2");
        props.put("transaction.state.log.num.partitions", "12");
        // A killed engine's open transaction holds its partitions' new owner until it is aborted: check every
        // second, not every 10 s (bid-engine.yml explains the engine's side).
        props.put("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000");
        props.put("share.coordinator.state.topic.replication.factor", "3");
        props.put("share.coordinator.state.topic.min.isr", "2");
        props.put("unclean.leader.election.enable", "false");
        props.put("auto.create.topics.enable", "false");
        props.put("group.initial.rebalance.delay.ms", "0");
        // A dead broker is fenced, and its partitions get new leaders, after this long without a heartbeat.
        props.put("broker.session.timeout.ms", "6000");
        props.put("broker.heartbeat.interval.ms", "1000");
        return props;
    }
}
