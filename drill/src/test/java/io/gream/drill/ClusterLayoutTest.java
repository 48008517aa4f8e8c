package io.gream.drill;

import io.gream.kafka.KafkaNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterLayoutTest {

    private final ClusterLayout layout = new ClusterLayout(Path.of("target/drill-test"), 29000);

    @Test
    void kafkaNodesFormOneQuorumOfThreeWithDurableDefaults() {
        Properties props = KafkaNode.properties(ClusterNode.settings(layout, 2, "cluster"));

        assertThat(props.getProperty("controller.quorum.voters"))
                .isEqualTo("1@localhost:29191,2@localhost:29192,3@localhost:29193");
        assertThat(props.getProperty("listeners")).contains("PLAINTEXT://localhost:29092", "CONTROLLER://localhost:29192");
        assertThat(props).containsEntry("node.id", "2")
                .containsEntry("default.replication.factor", "3")
                .containsEntry("min.insync.replicas", "2")
                .containsEntry("transaction.state.log.replication.factor", "3")
                .containsEntry("transaction.state.log.min.isr", "2")
                .containsEntry("offsets.topic.replication.factor", "3")
                .containsEntry("unclean.leader.election.enable", "false")
                .containsEntry("broker.session.timeout.ms", "6000");
    }

    @Test
    void everyClientGetsAllThreeBrokers() {
        assertThat(layout.bootstrapServers()).isEqualTo("localhost:29091,localhost:29092,localhost:29093");
    }

    @Test
    void partitionOfAnAuctionIsWhereTheProducersPartitionerPutsIt() {
        for (String auctionId : new String[] {"drill-x-0", "drill-x-1", "drill-x-999", "coffee-7f3a"}) {
            int producers = org.apache.kafka.clients.producer.internals.BuiltInPartitioner.partitionForKey(
                    auctionId.getBytes(java.nio.charset.StandardCharsets.UTF_8), ClusterLayout.PARTITIONS);

            assertThat(DrillLoad.partitionOf(auctionId)).as(auctionId).isEqualTo(producers);
        }
    }

    @Test
    void theDrillCommandOffersClusterRunAndVerify() {
        assertThat(DrillCommand.commandLine().getSubcommands()).containsKeys("cluster-up", "cluster-down",
                "cluster-status", "cluster-start", "run", "verify");
    }
}
