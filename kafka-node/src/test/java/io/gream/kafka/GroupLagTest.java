package io.gream.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GroupLagTest {

    private static KafkaNode node;
    private static Admin admin;

    @BeforeAll
    static void startNodeWithThreeRecordsOnEachOfTwoPartitions() throws Exception {
        node = KafkaNode.startTemporary(2, settings -> Map.of());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, node.bootstrapServers()));
        admin.createTopics(List.of(new NewTopic("log", 2, (short) 1))).all().get();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, node.bootstrapServers()), new StringSerializer(),
                new StringSerializer())) {
            for (int partition = 0; partition < 2; partition++) {
                for (int i = 0; i < 3; i++) {
                    producer.send(new ProducerRecord<>("log", partition, "k", "v" + i)).get();
                }
            }
        }
    }

    @AfterAll
    static void stop() {
        admin.close();
        node.close();
    }

    @Test
    void aGroupThatNeverCommittedIsBehindByTheWholeTopic() throws Exception {
        try (GroupLag lag = new GroupLag(node.bootstrapServers())) {
            assertThat(lag.lag("new-group", "log")).isEqualTo(6);
        }
    }

    @Test
    void aGroupIsBehindByWhatFollowsItsCommittedOffsets() throws Exception {
        commit("half-way", 1, 3);
        try (GroupLag lag = new GroupLag(node.bootstrapServers())) {
            assertThat(lag.lag("half-way", "log")).isEqualTo(2);
        }
    }

    @Test
    void awaitingAGroupAlreadyCaughtUpReturnsAtOnceAndReportsEachReading() throws Exception {
        commit("done", 3, 3);
        List<Long> readings = new ArrayList<>();
        try (GroupLag lag = new GroupLag(node.bootstrapServers())) {
            assertThat(lag.awaitCaughtUp("done", "log", 0, Duration.ofSeconds(30), Duration.ofMillis(100),
                    readings::add)).isPresent();
            assertThat(lag.awaitCaughtUp("new-group", "log", 0, Duration.ofMillis(300), Duration.ofMillis(100),
                    reading -> { })).isEmpty();
        }
        assertThat(readings).containsExactly(0L);
    }

    private static void commit(String group, long partition0, long partition1) throws Exception {
        admin.alterConsumerGroupOffsets(group, Map.of(
                new TopicPartition("log", 0), new OffsetAndMetadata(partition0),
                new TopicPartition("log", 1), new OffsetAndMetadata(partition1))).all().get();
    }
}
