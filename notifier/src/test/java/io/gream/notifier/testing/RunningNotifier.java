package io.gream.notifier.testing;

import io.gream.contracts.AuctionEvent;
import io.gream.contracts.SettlementEvent;
import io.gream.contracts.Topics;
import io.gream.engine.EngineTestSupport;
import io.gream.notifier.NotifierApplication;
import io.gream.testing.Tokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * Base of the wiring tests: per test class a real KRaft broker in this JVM, a fresh database, and the notifier
 * application started on a free port against both, as {@code main} starts it. Each subclass calls
 * {@link #start} from its own {@code @BeforeAll}, with the arguments it needs (e.g. the local profile, so
 * webhooks may call receivers on this machine).
 */
public abstract class RunningNotifier {

    protected static EmbeddedKafkaKraftBroker broker;
    protected static TestDatabase database;
    protected static ConfigurableApplicationContext app;
    protected static Http http;
    protected static JdbcTemplate jdbc;
    protected static KafkaProducer<String, byte[]> producer;
    private static final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

    protected static void start(String... extraArgs) {
        broker = EngineTestSupport.startBroker();
        broker.addTopics(new NewTopic(Topics.AUCTION_EVENTS.name(), 3, (short) 1),
                new NewTopic(Topics.SETTLEMENT_EVENTS.name(), 3, (short) 1),
                new NewTopic(Topics.DEAD_LETTERS.name(), 3, (short) 1));
        database = TestDatabase.create();
        app = run(extraArgs);
        http = new Http(port(app));
        jdbc = app.getBean(JdbcTemplate.class);
        producer = EngineTestSupport.idempotentProducer(broker);
    }

    /**
     * A second replica of the notifier, against the same broker and database as {@link #start}'s, with its own
     * arguments; it is closed after the test class, before the first.
     */
    protected static ConfigurableApplicationContext startReplica(String... extraArgs) {
        ConfigurableApplicationContext replica = run(extraArgs);
        replicas.add(replica);
        return replica;
    }

    protected static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static ConfigurableApplicationContext run(String... extraArgs) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--gream.auth.jwks.file=" + Tokens.jwksFile(),
                "--gream.notifier.stream.poll-interval=100ms",
                "--gream.notifier.webhooks.poll-interval=100ms"));
        args.addAll(List.of(database.springArgs()));
        args.addAll(List.of(extraArgs));
        return NotifierApplication.builder().run(args.toArray(String[]::new));
    }

    @AfterAll
    static void stopNotifier() {
        // each field is cleared, so a later class that skips start() does not close this one's again
        if (producer != null) {
            producer.close();
            producer = null;
        }
        replicas.forEach(ConfigurableApplicationContext::close);
        replicas.clear();
        if (app != null) {
            app.close();
            app = null;
        }
        if (database != null) {
            database.close();
            database = null;
        }
        if (broker != null) {
            broker.destroy();
            broker = null;
        }
    }

    /** Publishes an auction event as the engine does: keyed by auction, acknowledged by the broker. */
    protected static void publish(AuctionEvent event) {
        send(Topics.AUCTION_EVENTS.name(), event.auctionId(),
                Topics.AUCTION_EVENTS.valueSerde().serializer().serialize(Topics.AUCTION_EVENTS.name(), event));
    }

    protected static void publish(SettlementEvent event) {
        send(Topics.SETTLEMENT_EVENTS.name(), event.auctionId(),
                Topics.SETTLEMENT_EVENTS.valueSerde().serializer().serialize(Topics.SETTLEMENT_EVENTS.name(), event));
    }

    protected static void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Broker did not acknowledge", e);
        }
    }

    /**
     * Waits until the notifier's consumer group has committed offsets at the end of every partition of both event
     * topics: every record published so far has been recorded (or dead-lettered).
     */
    protected static void awaitAllConsumed() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.getBrokersAsString()))) {
            await().atMost(EngineTestSupport.TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                for (String topic : List.of(Topics.AUCTION_EVENTS.name(), Topics.SETTLEMENT_EVENTS.name())) {
                    for (int p = 0; p < 3; p++) {
                        latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
                    }
                }
                var ends = admin.listOffsets(latest).all().get();
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets("gream-notifier").partitionsToOffsetAndMetadata().get();
                return ends.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                        || (committed.get(e.getKey()) != null
                        && committed.get(e.getKey()).offset() >= e.getValue().offset()));
            });
        }
    }

    protected static long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
