package io.gream.analytics;

import io.gream.analytics.ClosingPrices.BrandAverage;
import io.gream.analytics.HotAuctions.HotAuction;
import io.gream.analytics.tap.AuctionEventTap;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.CloseOutcome;
import io.gream.contracts.Topics;
import io.gream.engine.EngineTestSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.gream.analytics.AnalyticsEvents.accepted;
import static io.gream.analytics.AnalyticsEvents.closed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both taps against a real Apache Kafka broker (KRaft, in this JVM), fed the way the engine writes: in
 * transactions, one of which is aborted. A tap must see the committed events only, whatever its processing
 * guarantee; the aborted records stay in the log, so this is what {@code read_committed} is for.
 */
class TapsAgainstABrokerIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Instant SENT_AT = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static EmbeddedKafkaKraftBroker broker;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void startBrokerAndWriteLikeTheEngine() {
        broker = EngineTestSupport.startBroker();
        broker.addTopics(Topics.AUCTION_EVENTS.name());

        try (KafkaProducer<String, AuctionEvent> engine = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "engine-like-writer"),
                Topics.AUCTION_EVENTS.keySerde().serializer(), Topics.AUCTION_EVENTS.valueSerde().serializer())) {
            engine.initTransactions();
            inTransaction(engine, accepted("a-1", 2, SENT_AT));
            engine.beginTransaction();
            send(engine, accepted("a-1", 3, SENT_AT.plusMillis(100)));
            send(engine, accepted("a-2", 2, SENT_AT.plusMillis(100)));
            engine.flush();
            engine.abortTransaction();
            // The last event of each auction, after the aborted ones in its partition: once a tap has seen it, it
            // has read past everything before it.
            inTransaction(engine, closed("a-1", "Baskin Robbins", CloseOutcome.SOLD, 5_000L, SENT_AT.plusMillis(200)),
                    closed("a-2", "Starbucks", CloseOutcome.NO_BIDS, null, SENT_AT.plusMillis(200)));
        }
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void theStreamsTapCountsOnlyCommittedBidsAtLeastOnce() {
        Properties props = new AnalyticsSettings(broker.getBrokersAsString(), stateDir, 0).streamsProperties();
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        try (KafkaStreams streams = new KafkaStreams(AnalyticsTopology.build(), props)) {
            HotAuctions hotAuctions = new HotAuctions(() -> streams.store(StoreQueryParameters.fromNameAndType(
                    AnalyticsTopology.ACCEPTED_BIDS_STORE, QueryableStoreTypes.windowStore())));
            ClosingPrices closingPrices = new ClosingPrices(() -> streams.store(StoreQueryParameters.fromNameAndType(
                    AnalyticsTopology.CLOSING_PRICES_STORE, QueryableStoreTypes.keyValueStore())));
            streams.start();

            await().atMost(TIMEOUT).ignoreException(InvalidStateStoreException.class)
                    .until(closingPrices::byBrand, brands -> !brands.isEmpty());

            assertThat(closingPrices.byBrand()).containsExactly(new BrandAverage("Baskin Robbins", 1, 5_000));
            assertThat(hotAuctions.top(SENT_AT.plusSeconds(1), 10)).containsExactly(new HotAuction("a-1", 1));
        }
    }

    @Test
    void thePlainConsumerTapSeesOnlyCommittedEvents() throws Exception {
        List<AuctionEvent> seen = new CopyOnWriteArrayList<>();
        AuctionEventTap tap = new AuctionEventTap(broker.getBrokersAsString(), "it-tap");
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<?> running = thread.submit(() -> tap.run(seen::add));

            await().atMost(TIMEOUT).until(() -> seen.size() >= 3);
            tap.stop();
            running.get();
        } finally {
            thread.shutdownNow();
        }

        assertThat(seen).extracting(AuctionEvent::eventId).containsExactlyInAnyOrder("a-1:2", "a-1:9", "a-2:9");
    }

    private static void inTransaction(KafkaProducer<String, AuctionEvent> engine, AuctionEvent... events) {
        engine.beginTransaction();
        for (AuctionEvent event : events) {
            send(engine, event);
        }
        engine.commitTransaction();
    }

    private static void send(KafkaProducer<String, AuctionEvent> engine, AuctionEvent event) {
        engine.send(new ProducerRecord<>(Topics.AUCTION_EVENTS.name(), null, event.at().toEpochMilli(),
                event.auctionId(), event));
    }
}
