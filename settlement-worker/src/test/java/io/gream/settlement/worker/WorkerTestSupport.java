package io.gream.settlement.worker;

import io.gream.contracts.AuctionClosed;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.CloseOutcome;
import io.gream.contracts.Item;
import io.gream.contracts.SettlementEvent;
import io.gream.contracts.Topics;
import io.gream.engine.EngineTestSupport;
import io.gream.settlement.LedgerInvariants;
import io.gream.settlement.SettlementWorkerApplication;
import io.gream.settlement.TestDatabase;
import io.gream.settlement.payment.IdempotencyKeys;
import io.gream.settlement.payment.PaymentGateway;
import io.gream.settlement.payment.SimulatedPaymentGateway;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the worker tests share: a real Kafka broker (KRaft, in this JVM) and a fresh database per test class, workers
 * started as the real application against them, an idempotent producer standing in for the bid-engine, and a check
 * of the ledger invariants after every test that used the class' database.
 */
abstract class WorkerTestSupport {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final Instant CLOSED_AT = Instant.parse("2026-11-20T10:00:00Z");

    static EmbeddedKafkaKraftBroker broker;
    static TestDatabase database;
    static KafkaProducer<String, byte[]> producer;
    static TopicReader settlementEvents;
    /** One consumer group per test class: a restarted worker resumes where the last one committed. */
    static String group;

    private final List<ConfigurableApplicationContext> workers = new ArrayList<>();
    private boolean usedClassDatabase;

    @BeforeAll
    static void startBrokerAndDatabase() {
        broker = EngineTestSupport.startBroker();
        broker.addTopics(new NewTopic(Topics.AUCTION_EVENTS.name(), 3, (short) 1),
                new NewTopic(Topics.SETTLEMENT_EVENTS.name(), 3, (short) 1),
                new NewTopic(Topics.DEAD_LETTERS.name(), 3, (short) 1));
        database = TestDatabase.create();
        producer = EngineTestSupport.idempotentProducer(broker);
        settlementEvents = new TopicReader(broker, Topics.SETTLEMENT_EVENTS.name());
        group = "gream-settlement-it-" + UUID.randomUUID();
    }

    @AfterAll
    static void stopBrokerAndDatabase() {
        settlementEvents.close();
        producer.close();
        broker.destroy();
        database.close();
    }

    @AfterEach
    void stopWorkersAndCheckTheLedger() {
        workers.forEach(ConfigurableApplicationContext::close);
        workers.clear();
        if (usedClassDatabase) {
            LedgerInvariants.assertHold(database.dataSource());
        }
    }

    /** Starts a worker of this class' group, with a gateway that outlives it, and waits for its partitions. */
    ConfigurableApplicationContext startWorker(PaymentGateway gateway, SettlementSteps steps, String... extraArgs) {
        return startWorker(group, gateway, steps, extraArgs);
    }

    ConfigurableApplicationContext startWorker(String groupId, PaymentGateway gateway, SettlementSteps steps,
                                               String... extraArgs) {
        return startWorker(groupId, gateway, steps, null, extraArgs);
    }

    /** A worker whose time (deadlines, backoffs) is the test's {@code clock}; due retries are looked for often. */
    ConfigurableApplicationContext startTimedWorker(PaymentGateway gateway, Clock clock, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--gream.settlement.pending.poll-interval=100ms"));
        args.addAll(List.of(extraArgs));
        return startWorker(group, gateway, null, clock, args.toArray(String[]::new));
    }

    private ConfigurableApplicationContext startWorker(String groupId, PaymentGateway gateway, SettlementSteps steps,
                                                       Clock clock, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--gream.settlement.group-id=" + groupId,
                "--gream.settlement.topics.partitions=3",
                "--gream.settlement.topics.replication-factor=1",
                "--gream.settlement.topics.min-insync-replicas=1",
                "--gream.settlement.redelivery.initial-backoff=100ms",
                "--gream.settlement.redelivery.max-backoff=1s"));
        // The class' database unless the test chooses another (a repeated argument would be joined with a comma,
        // not overridden), or the default one under its own data dir.
        if (List.of(extraArgs).stream().noneMatch(arg -> arg.startsWith("--spring.datasource.url=")
                || arg.startsWith("--gream.data-dir="))) {
            args.addAll(database.args());
        }
        usedClassDatabase |= List.of(extraArgs).stream().noneMatch(arg -> arg.startsWith("--gream.data-dir="));
        args.addAll(List.of(extraArgs));
        ConfigurableApplicationContext worker = SettlementWorkerApplication.builder()
                .initializers(context -> {
                    context.getBeanFactory().registerSingleton("paymentGateway", gateway);
                    if (steps != null) {
                        context.getBeanFactory().registerSingleton("settlementSteps", steps);
                    }
                    if (clock != null) {
                        context.getBeanFactory().registerSingleton("settlementClock", clock);
                    }
                })
                .run(args.toArray(String[]::new));
        workers.add(worker);
        MessageListenerContainer container = listener(worker);
        await().atMost(TIMEOUT).until(() -> container.getAssignedPartitions() != null
                && !container.getAssignedPartitions().isEmpty());
        return worker;
    }

    static MessageListenerContainer listener(ConfigurableApplicationContext worker) {
        return worker.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer(AuctionClosedListener.ID);
    }

    void stop(ConfigurableApplicationContext worker) {
        worker.close();
        workers.remove(worker);
    }

    static SimulatedPaymentGateway reliableGateway() {
        return new SimulatedPaymentGateway(new SimulatedPaymentGateway.Settings(Duration.ofMillis(5), 0, 0, 0,
                Duration.ZERO, 1));
    }

    static String newAuctionId() {
        return "a-" + UUID.randomUUID();
    }

    static String key(String auctionId) {
        return IdempotencyKeys.forAuction(auctionId);
    }

    static AuctionClosed sold(String auctionId, long price) {
        return new AuctionClosed(auctionId + ":5", auctionId, 5, CLOSED_AT, null, "seller-1",
                new Item("Starbucks", "Caffe Americano T", 4_500, LocalDate.parse("2027-01-31")), CloseOutcome.SOLD,
                "buyer-1", price, 4);
    }

    static void publish(AuctionEvent event) throws ExecutionException, InterruptedException {
        publishRaw(event.auctionId(), Topics.AUCTION_EVENTS.valueSerde().serializer()
                .serialize(Topics.AUCTION_EVENTS.name(), event));
    }

    static void publishRaw(String key, byte[] value) throws ExecutionException, InterruptedException {
        producer.send(new ProducerRecord<>(Topics.AUCTION_EVENTS.name(), key, value)).get();
    }

    /** Waits until {@code count} settlement events of the auction are published, and returns them. */
    static List<ConsumerRecord<String, byte[]>> awaitSettlementEvents(String auctionId, int count) {
        return settlementEvents.awaitKey(auctionId, records -> records.size() >= count);
    }

    static SettlementEvent event(ConsumerRecord<String, byte[]> record) {
        return Topics.SETTLEMENT_EVENTS.valueSerde().deserializer().deserialize(record.topic(), record.value());
    }

    static long distinctContents(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(record -> new String(record.value(), StandardCharsets.UTF_8)).distinct().count();
    }

    static DataSource db() {
        return database.dataSource();
    }

    static int settlementRows(String auctionId) {
        return LedgerInvariants.count(db(), "SELECT COUNT(*) FROM settlement WHERE auction_id = ?", auctionId);
    }

    static int ledgerLines(String auctionId) {
        return LedgerInvariants.count(db(), "SELECT COUNT(*) FROM ledger_line WHERE journal_id = ?", auctionId);
    }

    static String failureReason(String auctionId) {
        return new JdbcTemplate(db())
                .queryForObject("SELECT failure_reason FROM settlement WHERE auction_id = ?", String.class, auctionId);
    }

    static int attempts(String auctionId) {
        return LedgerInvariants.count(db(), "SELECT attempts FROM settlement WHERE auction_id = ?", auctionId);
    }

    static String get(ConfigurableApplicationContext worker, String path) throws Exception {
        String port = worker.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    /** POSTs JSON to the worker's HTTP port; returns the status and body. */
    static HttpResponse<String> post(ConfigurableApplicationContext worker, String path, String json)
            throws Exception {
        String port = worker.getEnvironment().getProperty("local.server.port");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String state(String auctionId) {
        return new JdbcTemplate(db())
                .queryForObject("SELECT state FROM settlement WHERE auction_id = ?", String.class, auctionId);
    }
}
