package io.gream.engine;

import io.gream.contracts.AuctionClosed;
import io.gream.contracts.AuctionCommand;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.AuctionOpened;
import io.gream.contracts.BidAccepted;
import io.gream.contracts.BidRejected;
import io.gream.contracts.CloseOutcome;
import io.gream.contracts.Item;
import io.gream.contracts.JsonSerde;
import io.gream.contracts.OpenAuction;
import io.gream.contracts.PlaceBid;
import io.gream.contracts.RejectionReason;
import io.gream.contracts.Topics;
import io.gream.engine.auction.Auction;
import io.gream.engine.auction.AuctionTerms;
import io.gream.engine.auction.Bid;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bid-engine application against a real Apache Kafka broker (KRaft, in this JVM): commands produced with an
 * idempotent producer come out as events read with {@code read_committed}, auctions close through the partition
 * ticks with the broker's own timestamps, poison goes to dead letters, and state survives a restart on an empty
 * state directory by restoring from the changelog, including the JSON state that engines before the binary store
 * format left there.
 */
class BidEngineApplicationIT {

    private static final Item VOUCHER = new Item("CU", "Banana Milk", 1_700, LocalDate.now().plusYears(1));
    private static final Duration TIMEOUT = EngineTestSupport.TIMEOUT;

    private static EmbeddedKafkaKraftBroker broker;

    /** Under {@code target/}, so every run starts empty and a failed run can be inspected. */
    private final Path dataDir = Path.of("target", "it-state", UUID.randomUUID().toString()).toAbsolutePath();

    private ConfigurableApplicationContext engine;
    private KafkaProducer<String, byte[]> producer;
    private KafkaConsumer<String, AuctionEvent> events;

    @BeforeAll
    static void startBroker() {
        broker = EngineTestSupport.startBroker();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @AfterEach
    void stopEverything() {
        if (engine != null) {
            engine.close();
        }
        if (producer != null) {
            producer.close();
        }
        if (events != null) {
            events.close();
        }
    }

    @Test
    void decidesCommandsClosesAuctionsAndRestoresStateAfterRestart() throws Exception {
        engine = startEngine(dataDir.resolve("first"));
        producer = EngineTestSupport.idempotentProducer(broker);
        events = readCommittedConsumer(Topics.AUCTION_EVENTS.name());
        String auctionId = "a-" + UUID.randomUUID();

        send(new OpenAuction("c-1", auctionId, "sally", VOUCHER, 1_000, 100, null, null,
                Instant.now().plus(Duration.ofDays(1)), 0));
        send(new PlaceBid("c-2", auctionId, "bob", 1_000));
        send(new PlaceBid("c-3", auctionId, "carol", 1_050));

        List<AuctionEvent> before = awaitEvents(auctionId, 3);
        assertThat(before.get(0)).isInstanceOf(AuctionOpened.class);
        assertThat(before.get(1)).isInstanceOfSatisfying(BidAccepted.class,
                bid -> assertThat(bid.minNextBid()).isEqualTo(1_100));
        assertThat(before.get(2)).isInstanceOfSatisfying(BidRejected.class,
                bid -> assertThat(bid.reason()).isEqualTo(RejectionReason.BID_TOO_LOW));
        assertThat(engine.getBean("kafkaStreamsHealthIndicator", HealthIndicator.class).health().getStatus())
                .isEqualTo(Status.UP);

        engine.close();
        engine = startEngine(dataDir.resolve("second")); // empty state dir: must restore from the changelog

        send(new PlaceBid("c-4", auctionId, "carol", 1_099));
        send(new PlaceBid("c-5", auctionId, "carol", 1_100));
        send(new PlaceBid("c-2", auctionId, "bob", 1_000)); // a retry of an earlier command: no new event

        List<AuctionEvent> after = awaitEvents(auctionId, 2);
        assertThat(after.get(0)).isInstanceOfSatisfying(BidRejected.class, bid -> {
            assertThat(bid.reason()).isEqualTo(RejectionReason.BID_TOO_LOW);
            assertThat(bid.minNextBid()).isEqualTo(1_100L);
        });
        assertThat(after.get(1)).isInstanceOfSatisfying(BidAccepted.class, bid -> {
            assertThat(bid.seq()).isEqualTo(3);
            assertThat(bid.previousLeaderId()).isEqualTo("bob");
            assertThat(bid.bidCount()).isEqualTo(2);
        });
        // A marker command proves the retry was decided (in order) without publishing anything.
        send(new PlaceBid("c-6", auctionId, "dave", 1));
        assertThat(awaitEvents(auctionId, 1)).singleElement().isInstanceOfSatisfying(BidRejected.class,
                bid -> assertThat(bid.commandId()).isEqualTo("c-6"));
    }

    @Test
    void readsTheJsonStateAnEarlierEngineLeftInTheChangelogs() throws Exception {
        engine = startEngine(dataDir.resolve("first"));
        producer = EngineTestSupport.idempotentProducer(broker);
        events = readCommittedConsumer(Topics.AUCTION_EVENTS.name());
        String auctionId = "a-" + UUID.randomUUID();
        Instant endsAt = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS);
        send(new OpenAuction("c-1", auctionId, "sally", VOUCHER, 1_000, 100, null, null, endsAt, 0));
        AuctionOpened opened = (AuctionOpened) awaitEvents(auctionId, 1).get(0);
        engine.close();

        // What an engine that stored JSON would have written after accepting Bob's bid c-2: its newer state and the
        // command's outcome, appended to the changelogs after this engine's binary state.
        Instant bidAt = opened.at().plusSeconds(1);
        BidAccepted bobsBid = new BidAccepted(auctionId + ":2", auctionId, 2, bidAt, "c-2", "bob", 1_000, null, null,
                1, 1_100);
        Auction json = new Auction.Open(new AuctionTerms(auctionId, "sally", VOUCHER, 1_000, 100, null, null, 0,
                opened.at()), 2, endsAt, new Bid("bob", 1_000, bidAt, "c-2"), 1);
        int partition = Utils.toPositive(Utils.murmur2(auctionId.getBytes(StandardCharsets.UTF_8))) % 3;
        try (KafkaProducer<String, byte[]> old = EngineTestSupport.idempotentProducer(broker)) {
            old.send(new ProducerRecord<>("gream-bid-engine-auction-store-changelog", partition, auctionId,
                    new JsonSerde<>(Auction.class).serialize("", json))).get();
            old.send(new ProducerRecord<>("gream-bid-engine-decided-command-store-changelog", partition,
                    auctionId + '\u0000' + "c-2", new JsonSerde<>(AuctionEvent.class).serialize("", bobsBid))).get();
        }

        engine = startEngine(dataDir.resolve("second")); // empty state dir: restores the JSON from the changelogs
        send(new PlaceBid("c-2", auctionId, "bob", 1_000)); // Bob's retry: already decided, so no event
        send(new PlaceBid("c-3", auctionId, "carol", 1_050));
        send(new PlaceBid("c-4", auctionId, "carol", 1_100));

        List<AuctionEvent> after = awaitEvents(auctionId, 2);
        assertThat(after.get(0)).as("the JSON auction's leader and price are read")
                .isInstanceOfSatisfying(BidRejected.class, bid -> {
                    assertThat(bid.reason()).isEqualTo(RejectionReason.BID_TOO_LOW);
                    assertThat(bid.minNextBid()).isEqualTo(1_100L);
                });
        assertThat(after.get(1)).isInstanceOfSatisfying(BidAccepted.class, bid -> {
            assertThat(bid.seq()).isEqualTo(3);
            assertThat(bid.previousLeaderId()).isEqualTo("bob");
        });
    }

    @Test
    void closesAnAuctionByTheBrokersClockWithNoFurtherTraffic() throws Exception {
        engine = startEngine(dataDir);
        producer = EngineTestSupport.idempotentProducer(broker);
        events = readCommittedConsumer(Topics.AUCTION_EVENTS.name());
        String auctionId = "a-" + UUID.randomUUID();

        send(new OpenAuction("c-1", auctionId, "sally", VOUCHER, 1_000, 100, null, null,
                Instant.now().plusSeconds(3), 0));
        send(new PlaceBid("c-2", auctionId, "bob", 1_200));

        List<AuctionEvent> decided = awaitEvents(auctionId, 3);
        assertThat(decided.get(2)).isInstanceOfSatisfying(AuctionClosed.class, closed -> {
            assertThat(closed.outcome()).isEqualTo(CloseOutcome.SOLD);
            assertThat(closed.winnerId()).isEqualTo("bob");
            assertThat(closed.price()).isEqualTo(1_200L);
            assertThat(closed.seq()).isEqualTo(3);
        });
    }

    @Test
    void sendsPoisonToDeadLettersAndKeepsDeciding() throws Exception {
        engine = startEngine(dataDir);
        producer = EngineTestSupport.idempotentProducer(broker);
        events = readCommittedConsumer(Topics.AUCTION_EVENTS.name());
        String auctionId = "a-" + UUID.randomUUID();
        byte[] poison = "{\"type\":\"PlaceBid\",\"amount\":".getBytes(StandardCharsets.UTF_8);

        producer.send(new ProducerRecord<>(Topics.AUCTION_COMMANDS.name(), auctionId, poison)).get();
        send(new OpenAuction("c-1", auctionId, "sally", VOUCHER, 1_000, 100, null, null,
                Instant.now().plus(Duration.ofHours(1)), 0));

        assertThat(awaitEvents(auctionId, 1)).singleElement().isInstanceOf(AuctionOpened.class);
        try (KafkaConsumer<byte[], byte[]> deadLetters = new KafkaConsumer<>(consumerProps(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            deadLetters.subscribe(List.of(Topics.DEAD_LETTERS.name()));
            List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
            await().atMost(TIMEOUT).until(() -> {
                deadLetters.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (auctionId.equals(new String(r.key(), StandardCharsets.UTF_8))) {
                        dead.add(r);
                    }
                });
                return !dead.isEmpty();
            });
            ConsumerRecord<byte[], byte[]> record = dead.get(0);
            assertThat(record.value()).isEqualTo(poison);
            assertThat(record.headers().toArray()).extracting(h -> h.key()).anyMatch(k -> k.contains("exception"));
        }
    }

    @Test
    void createsTheCommandTopicWithBrokerTimestamps() throws Exception {
        engine = startEngine(dataDir);

        ConfigResource commands = new ConfigResource(ConfigResource.Type.TOPIC, Topics.AUCTION_COMMANDS.name());
        ConfigEntry timestampType = broker.doWithAdminFunction(admin -> {
            try {
                return admin.describeConfigs(List.of(commands)).all().get().get(commands)
                        .get("message.timestamp.type");
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(timestampType.value()).isEqualTo("LogAppendTime");
    }

    private ConfigurableApplicationContext startEngine(Path stateDir) {
        return EngineTestSupport.startEngine(BidEngineApplication.builder(), broker, stateDir, 0, "--gream.engine.tick-interval=100ms");
    }

    private void send(AuctionCommand command) throws Exception {
        EngineTestSupport.send(producer, command);
    }

    /** Reads until {@code count} more events of the auction have arrived, and returns them in order. */
    private List<AuctionEvent> awaitEvents(String auctionId, int count) {
        List<AuctionEvent> received = new ArrayList<>();
        await().atMost(TIMEOUT).until(() -> {
            events.poll(Duration.ofMillis(200)).forEach(record -> {
                if (record.key().equals(auctionId)) {
                    received.add(record.value());
                }
            });
            return received.size() >= count;
        });
        return received;
    }

    private static KafkaConsumer<String, AuctionEvent> readCommittedConsumer(String topic) {
        KafkaConsumer<String, AuctionEvent> consumer = new KafkaConsumer<>(consumerProps(),
                Topics.AUCTION_EVENTS.keySerde().deserializer(), Topics.AUCTION_EVENTS.valueSerde().deserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static Map<String, Object> consumerProps() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    }
}
