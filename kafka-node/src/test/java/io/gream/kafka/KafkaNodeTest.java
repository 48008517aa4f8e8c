package io.gream.kafka;

import io.gream.childjvm.Ports;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaNodeTest {

    @TempDir
    Path logDir;

    @Test
    void aSingleNodeKeepsItsTopicsAndRecordsAcrossARestartFromTheSameLogDirectory() throws Exception {
        KafkaNode.Settings settings = KafkaNode.Settings.singleNode(logDir, Ports.free(), Ports.free(), 2);
        try (KafkaNode node = KafkaNode.start(settings)) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, node.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, node.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("kept", "k", "before the restart")).get();
            }
        }

        try (KafkaNode node = KafkaNode.start(settings)) {
            assertThat(readAll(node.bootstrapServers(), "kept")).containsExactly("before the restart");
        }
    }

    @Test
    void aTemporaryNodeTakesOverridesMadeOfItsPortsAndDeletesItsDirectoryOnClose() throws Exception {
        Path dir;
        try (KafkaNode node = KafkaNode.startTemporary(1,
                s -> Map.of("advertised.listeners", "PLAINTEXT://127.0.0.1:" + s.port()))) {
            dir = node.logDir();
            assertThat(Files.exists(dir.resolve("meta.properties"))).isTrue();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    node.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("scratch", 1, (short) 1))).all().get();
            }
        }

        assertThat(dir).doesNotExist();
    }

    @Test
    void aClusterNodeReplicatesItsInternalTopicsAndTakesOverridesLast() {
        KafkaNode.Settings settings = new KafkaNode.Settings(2, "cluster", logDir, 29092, 29192,
                "1@localhost:29191,2@localhost:29192,3@localhost:29193", 3, 2, 12,
                Map.of("broker.session.timeout.ms", "6000", "auto.create.topics.enable", "true"));

        Properties props = KafkaNode.properties(settings);

        assertThat(props).containsEntry("node.id", "2")
                .containsEntry("default.replication.factor", "3")
                .containsEntry("min.insync.replicas", "2")
                .containsEntry("transaction.state.log.replication.factor", "3")
                .containsEntry("transaction.state.log.min.isr", "2")
                .containsEntry("offsets.topic.replication.factor", "3")
                .containsEntry("unclean.leader.election.enable", "false")
                .containsEntry("broker.session.timeout.ms", "6000")
                .containsEntry("auto.create.topics.enable", "true");
        assertThat(props.getProperty("listeners")).isEqualTo(
                "PLAINTEXT://localhost:29092,CONTROLLER://localhost:29192");
    }

    private static List<String> readAll(String bootstrapServers, String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringDeserializer(),
                new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(30)).get(partition);
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (consumer.position(partition, Duration.ofSeconds(30)) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }
}
