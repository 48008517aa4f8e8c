package io.gream.engine;

import io.gream.contracts.AuctionCommand;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.AuctionOpened;
import io.gream.contracts.BidAccepted;
import io.gream.contracts.Item;
import io.gream.contracts.OpenAuction;
import io.gream.contracts.PlaceBid;
import io.gream.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A decision read before the engine's transaction commits ({@code read_uncommitted}, as the ingress reads outcomes)
 * is final: when that transaction is aborted, the engine re-decides the same committed commands into exactly the
 * same events.
 *
 * <p>The real engine application runs against a real broker with a commit interval far longer than the test, so
 * its decisions stay uncommitted; the test reads them uncommitted, then fences the engine's transactional producer
 * (what a new instance's start does to a crashed or paused one), which aborts the open transaction. The engine
 * finds itself fenced at its next write (commands sent after the fencing), rejoins, restores its state to the last
 * commit and decides the commands again; a clean stop then commits that transaction.
 */
class UncommittedDecisionIT {

    private static final Duration TIMEOUT = EngineTestSupport.TIMEOUT;
    private static final Item VOUCHER = new Item("Starbucks", "Americano Tall", 4_500, LocalDate.parse("2035-12-31"));

    private final Path stateDir = Path.of("target", "it-state", UUID.randomUUID().toString()).toAbsolutePath();
    private EmbeddedKafkaKraftBroker broker;
    private ConfigurableApplicationContext engine;
    private KafkaProducer<String, byte[]> producer;
    private KafkaConsumer<String, byte[]> uncommitted;
    private KafkaConsumer<String, byte[]> committed;

    @AfterEach
    void stopEverything() {
        if (engine != null) {
            engine.close();
        }
        for (AutoCloseable client : new AutoCloseable[] {producer, uncommitted, committed}) {
            if (client != null) {
                try {
                    client.close();
                } catch (Exception e) {
                    // closing anyway
                }
            }
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void anAbortedDecisionIsDecidedAgainIntoIdenticalEvents() throws Exception {
        broker = EngineTestSupport.startBroker();
        engine = EngineTestSupport.startEngine(BidEngineApplication.builder(), broker, stateDir, 0,
                "--spring.kafka.streams.properties.commit.interval.ms=300000",
                "--spring.kafka.streams.properties.producer.transaction.timeout.ms=600000",
                "--spring.kafka.streams.properties.num.stream.threads=1",
                "--gream.engine.tick-interval=100ms");
        producer = EngineTestSupport.idempotentProducer(broker);
        uncommitted = reader("read_uncommitted");
        committed = reader("read_committed");
        String auctionId = "a-" + UUID.randomUUID();

        send(new OpenAuction("c-open", auctionId, "sally", VOUCHER, 1_000, 100, null, null,
                Instant.now().plus(Duration.ofHours(1)), 60));
        send(new PlaceBid("c-bid", auctionId, "bob", 1_200));

        List<ConsumerRecord<String, byte[]>> seen = awaitRecords(uncommitted, auctionId, 2);
        assertThat(decode(seen.get(0))).isInstanceOf(AuctionOpened.class);
        assertThat(decode(seen.get(1))).isInstanceOfSatisfying(BidAccepted.class,
                bid -> assertThat(bid.commandId()).isEqualTo("c-bid"));
        // read before it committed: the last stable offset has not passed it
        TopicPartition partition = new TopicPartition(seen.get(0).topic(), seen.get(0).partition());
        assertThat(committed.endOffsets(List.of(partition)).get(partition)).isLessThanOrEqualTo(seen.get(0).offset());

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            List<String> open = admin.listTransactions().all().get().stream()
                    .filter(t -> t.transactionalId().startsWith("gream-bid-engine-"))
                    .filter(t -> t.state() == TransactionState.ONGOING)
                    .map(TransactionListing::transactionalId).toList();
            assertThat(open).isNotEmpty();
            admin.fenceProducers(open).all().get(); // aborts the engine's open transaction
        }
        // The engine learns it was fenced only when it next writes: keep giving it commands (other auctions) until
        // it has decided the log again from its last commit.
        List<ConsumerRecord<String, byte[]>> again = new ArrayList<>();
        await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            send(new OpenAuction("c-" + UUID.randomUUID(), "b-" + UUID.randomUUID(), "sally", VOUCHER, 1_000, 100,
                    null, null, Instant.now().plus(Duration.ofHours(1)), 0));
            uncommitted.poll(Duration.ofMillis(200)).forEach(record -> {
                if (auctionId.equals(record.key())) {
                    again.add(record);
                }
            });
            return again.size() >= 2;
        });
        assertThat(again).allSatisfy(record -> assertThat(record.offset()).isGreaterThan(seen.get(1).offset()));
        engine.close(); // a clean stop commits the transaction that holds the second decision
        engine = null;

        List<ConsumerRecord<String, byte[]>> decided = awaitRecords(committed, auctionId, 2);
        assertThat(decided).extracting(this::decode).containsExactly(decode(seen.get(0)), decode(seen.get(1)));
        assertThat(decided).allSatisfy(record -> assertThat(record.offset()).isGreaterThan(seen.get(1).offset()));
        for (int i = 0; i < 2; i++) {
            assertThat(decided.get(i).value()).isEqualTo(seen.get(i).value()); // byte for byte
        }
    }

    private void send(AuctionCommand command) throws Exception {
        EngineTestSupport.send(producer, command);
    }

    private AuctionEvent decode(ConsumerRecord<String, byte[]> record) {
        return Topics.AUCTION_EVENTS.valueSerde().deserializer().deserialize(record.topic(), record.value());
    }

    /** Waits for {@code count} records of the auction and returns them (and no more of it may follow here). */
    private static List<ConsumerRecord<String, byte[]>> awaitRecords(KafkaConsumer<String, byte[]> consumer,
                                                                      String auctionId, int count) {
        List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
        await().atMost(TIMEOUT).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                if (auctionId.equals(record.key())) {
                    received.add(record);
                }
            });
            return received.size() >= count;
        });
        return received;
    }

    /** A group-less reader of every partition of the event topic from its start, as the ingress's tail reads it. */
    private KafkaConsumer<String, byte[]> reader(String isolation) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = IntStream.range(0, 3)
                .mapToObj(p -> new TopicPartition(Topics.AUCTION_EVENTS.name(), p)).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
