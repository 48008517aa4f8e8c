package io.gream.perf.engine;

import io.gream.contracts.AuctionCommand;
import io.gream.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * The Kafka clients of the harness, configured the same way for Gream and for the raw baseline so that the only
 * difference between the two is the engine: an idempotent {@code acks=all} producer (as the ingress uses) with a
 * short linger, and {@code read_committed} consumers.
 */
public final class KafkaClients {

    private final String bootstrapServers;
    private final Serializer<io.gream.contracts.CommandLogEntry> commandSerializer =
            Topics.AUCTION_COMMANDS.valueSerde().serializer();

    public KafkaClients(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024),
                new StringSerializer(), new ByteArraySerializer());
    }

    public <V> KafkaConsumer<String, V> readCommittedConsumer(Deserializer<V> values) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10),
                new StringDeserializer(), values);
    }

    public KafkaConsumer<String, byte[]> readCommittedBytesConsumer() {
        return readCommittedConsumer(new ByteArrayDeserializer());
    }

    /** A command as the bytes the engine reads, keyed by its auction. */
    public ProducerRecord<String, byte[]> commandRecord(AuctionCommand command) {
        String topic = Topics.AUCTION_COMMANDS.name();
        return new ProducerRecord<>(topic, command.auctionId(), commandSerializer.serialize(topic, command));
    }

    /** Creates {@code topic} with {@code LogAppendTime}, like the command topic, unless it exists. */
    public void createLogAppendTimeTopic(String topic, int partitions) {
        createTopic(topic, partitions, Map.of("message.timestamp.type", "LogAppendTime"));
    }

    /** Creates {@code topic} with replication 1 and {@code configs}, unless it exists. */
    public void createTopic(String topic, int partitions, Map<String, String> configs) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(configs))).all().get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create " + topic, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until consumer group {@code group} has committed the end of every partition of {@code topic}, so that a
     * backlog left by one phase is not measured in the next. Returns how long that took, or empty after {@code max}.
     */
    public java.util.Optional<Duration> awaitCaughtUp(String group, String topic, Duration max) {
        long start = System.nanoTime();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            while (System.nanoTime() - start < max.toNanos()) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                var ends = admin.listOffsets(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                        .partitions().stream().collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()),
                                p -> OffsetSpec.latest()))).all().get();
                boolean caughtUp = ends.entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                        || (committed.get(end.getKey()) != null
                        && committed.get(end.getKey()).offset() >= end.getValue().offset()));
                if (caughtUp) {
                    return java.util.Optional.of(Duration.ofNanos(System.nanoTime() - start));
                }
                LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
            }
            return java.util.Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the progress of " + group, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every partition of {@code topic}, waiting until its metadata is known. */
    public static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            var infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        throw new IllegalStateException("topic " + topic + " has no partitions after 60 s");
    }
}
