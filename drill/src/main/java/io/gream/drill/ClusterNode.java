package io.gream.drill;

import io.gream.kafka.KafkaNode;

import java.util.Map;

/**
 * One node of the drill's three-node Kafka cluster, run in a JVM of its own ({@link KafkaNode}, Kafka's own server
 * code), with a static controller quorum of all three nodes.
 *
 * <p>Unlike the local stack's single node, this node is configured for a real cluster: replication factor 3 and
 * {@code min.insync.replicas=2} by default, the transaction and offsets logs replicated three times with a minimum
 * ISR of 2, unclean leader election off. So a {@code kill -9} of any one node loses no acknowledged record and
 * stops no exactly-once client for longer than a leader election. Broker session and heartbeat are shorter than
 * Kafka's defaults (6 s / 1 s instead of 9 s / 2 s) so the controller fences a dead broker sooner; documented in
 * {@code docs/reliability.md}.
 *
 * <p>The log directory is formatted on first start with the cluster id all three nodes share; a restart after
 * {@code kill -9} finds it formatted and recovers from its log.
 */
final class ClusterNode {

    private ClusterNode() {
    }

    static KafkaNode.Settings settings(ClusterLayout layout, int nodeId, String clusterId) {
        return new KafkaNode.Settings(nodeId, clusterId, layout.kafkaLogDir(nodeId), layout.kafkaPort(nodeId),
                layout.controllerPort(nodeId), layout.controllerQuorumVoters(), 3, 2, ClusterLayout.PARTITIONS, Map.of(
                        // A killed engine's open transaction holds its partitions' new owner until it is aborted:
                        // check every second, not every 10 s (bid-engine.yml explains the engine's side).
                        "transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000",
                        // A dead broker is fenced, and its partitions get new leaders, after this long without a
                        // heartbeat.
                        "broker.session.timeout.ms", "6000",
                        "broker.heartbeat.interval.ms", "1000"));
    }

    /** Formats the log directory when new, starts the node and blocks until it is shut down. */
    static void run(ClusterLayout layout, int nodeId, String clusterId) throws Exception {
        KafkaNode node = KafkaNode.start(settings(layout, nodeId, clusterId));
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "kafka-node-shutdown"));
        System.out.printf("kafka node %d started: %s%n", nodeId, node.bootstrapServers());
        node.awaitShutdown();
    }
}
