package io.gream.perf.engine;

import io.gream.contracts.AuctionCommand;
import io.gream.contracts.CommandLogEntry;
import io.gream.contracts.Topics;
import io.gream.load.PerfClock;
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
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;

/**
 * The Kafka clients of the harness, configured the same way for Gream and for the raw baseline so that the only
 * difference between the two is the engine: an idempotent {@code acks=all} producer (as the ingress uses) with a
 * short linger, and {@code read_committed} consumers polled on threads of their own.
 */
public final class KafkaClients {

    private final String bootstrapServers;
    private final Serializer<CommandLogEntry> commandSerializer = Topics.AUCTION_COMMANDS.valueSerde().serializer();

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

    /**
     * Reads every partition of {@code topic} with {@code read_committed}, from its end or its beginning, on a daemon
     * thread; {@code handler} gets each record with the {@link PerfClock} time its batch was polled. Closing the
     * result stops the thread and closes the consumer.
     */
    public <V> AutoCloseable read(String topic, boolean fromEnd, Deserializer<V> values,
                                  BiConsumer<ConsumerRecord<String, V>, Long> handler) {
        KafkaConsumer<String, V> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // no group and so no committed offsets: every partition starts at this end
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromEnd ? "latest" : "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10),
                new StringDeserializer(), values);
        List<TopicPartition> partitions = Awaitility.await("partitions of " + topic).atMost(Duration.ofSeconds(60))
                .until(() -> consumer.partitionsFor(topic, Duration.ofSeconds(5)), p -> p != null && !p.isEmpty())
                .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        partitions.forEach(consumer::position); // resolve the start now, before any phase produces
        Thread thread = new Thread(() -> {
            try (consumer) {
                while (true) {
                    var records = consumer.poll(Duration.ofMillis(100));
                    long now = PerfClock.nowMicros();
                    records.forEach(record -> handler.accept(record, now));
                }
            } catch (WakeupException e) {
                // closed
            }
        }, "perf-reader-" + topic);
        thread.setDaemon(true);
        thread.start();
        return () -> {
            consumer.wakeup();
            thread.join(10_000);
        };
    }

    /** A command as the bytes the engine reads, keyed by its auction. */
    public ProducerRecord<String, byte[]> commandRecord(AuctionCommand command) {
        String topic = Topics.AUCTION_COMMANDS.name();
        return new ProducerRecord<>(topic, command.auctionId(), commandSerializer.serialize(topic, command));
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
}
