package io.gream.stack;

import io.gream.childjvm.Ports;
import io.gream.contracts.Topics;
import io.gream.kafka.KafkaNode;
import io.gream.stack.GreamApi.Answer;
import io.gream.stack.kafka.GreamTopics;
import io.gream.stack.service.GreamServices;
import io.gream.stack.service.RunningService;
import io.gream.stack.service.ServiceDefinition;
import io.gream.stack.service.StackLayout;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Least privilege in Kafka, proved on a real broker: a KRaft node with the standard authorizer
 * ({@code allow.everyone.if.no.acl.found=false}) and the listeners of {@code docker-compose.yml} (services on a
 * SCRAM-SHA-512 listener, inter-broker and controller traffic and the admin on PLAIN ones), the SCRAM users created
 * through the Admin API and exactly the ACLs of {@code deploy/kafka/acls.txt}. Every service then runs as the local
 * stack runs it, each as its own user, and an auction is decided, settled and notified through the public API; poison
 * records reach the dead-letter topic from each consumer; no service logs a refusal; and a service cannot write a
 * topic it does not own (the ingress cannot forge a decision).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaAclsIT {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String ADMIN = "admin";
    private static final String BROKER = "broker";

    private static final Map<String, String> passwords = new HashMap<>();
    private static final Deque<AutoCloseable> started = new ArrayDeque<>();
    private static final Map<String, RunningService> services = new HashMap<>();
    private static KafkaNode broker;
    private static int adminPort;
    private static Path logFile;
    private static StackLayout layout;
    private static GreamApi api;

    @BeforeAll
    static void startSecuredStack() throws Exception {
        Path dataDir = Path.of("target", "it-data", "acl-" + UUID.randomUUID()).toAbsolutePath();
        logFile = dataDir.resolve("logs").resolve("gream.log");
        for (String user : List.of(ADMIN, BROKER)) {
            passwords.put(user, randomPassword());
        }
        ServiceAcls acls = ServiceAcls.read();
        acls.users().forEach(user -> passwords.put(user, randomPassword()));
        assertThat(acls.users()).as("every service has ACLs").containsAll(ServiceAcls.USERS.values());

        adminPort = Ports.free();
        broker = KafkaNode.startTemporary(3,
                settings -> securedListeners(settings.port(), settings.controllerPort()));
        started.push(broker);

        Map<String, Object> admin = login(ADMIN, "PLAIN", "localhost:" + adminPort);
        GreamTopics.ensure(admin, 3);
        try (Admin client = Admin.create(admin)) {
            List<UserScramCredentialAlteration> users = new ArrayList<>();
            acls.users().forEach(user -> users.add(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), passwords.get(user))));
            client.alterUserScramCredentials(users).all().get(30, TimeUnit.SECONDS);
            client.createAcls(acls.bindings()).all().get(30, TimeUnit.SECONDS);
            await().atMost(TIMEOUT).until(() -> client.describeAcls(AclBindingFilter.ANY).values().get().size(),
                    count -> count == acls.bindings().size());
        }
        for (String user : acls.users()) {
            try (Admin client = Admin.create(scram(user))) {
                await().atMost(TIMEOUT).ignoreExceptions()
                        .until(() -> client.describeCluster().clusterId().get() != null);
            }
        }

        Map<String, Integer> ports = new HashMap<>();
        for (ServiceDefinition service : GreamServices.ALL) {
            ports.put(service.name(), Ports.free());
        }
        layout = new StackLayout(dataDir, broker.bootstrapServers(), 3, ports);
        for (ServiceDefinition definition : GreamServices.ALL) {
            start(definition);
        }
        api = new GreamApi(layout.url(GreamServices.INGRESS_API.name()), layout.url(GreamServices.NOTIFIER.name()));
    }

    /** Starts a service as the local stack does, logged in to Kafka as its own user. */
    private static void start(ServiceDefinition definition) throws InterruptedException {
        RunningService service = RunningService.start(definition, layout,
                springKafkaLogin(ServiceAcls.USERS.get(definition.name())), Map.of(
                        "logging.file.name", logFile.toString(),
                        "logging.threshold.console", "WARN"));
        started.push(service);
        services.put(definition.name(), service);
        service.awaitReady(READY_TIMEOUT);
    }

    @AfterAll
    static void stopStack() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                // the rest still has to stop
            }
        }
    }

    @Test
    @Order(1)
    void anAuctionIsDecidedSettledAndNotifiedWithEachServiceLoggedInAsItsOwnUser() {
        String auctionId = "acl-" + UUID.randomUUID().toString().substring(0, 8);
        Instant endsAt = Instant.now().plusSeconds(6);

        Answer opened = api.open("sally", "open-" + auctionId, LocalStackIT.auctionJson(auctionId, 3000, 100, 3000L,
                endsAt));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        Answer bid = api.bid("bob", auctionId, "bob-1", 3400);
        assertThat(bid.status()).as("the ingress wrote the command and read the engine's decision: " + bid)
                .isEqualTo(201);
        assertThat(bid.body().path("type").asString()).isEqualTo("BidAccepted");

        JsonNode closed = await().atMost(TIMEOUT).until(() -> api.auction(auctionId).body(),
                auction -> auction.path("status").asString().equals("CLOSED"));
        assertThat(closed.path("winnerId").asString()).isEqualTo(api.aliasOf("bob", auctionId));

        List<String> bobs = await().atMost(TIMEOUT).until(() -> notificationTypes("bob", auctionId),
                types -> types.containsAll(List.of("WON", "SETTLED")));
        assertThat(bobs).as("the settlement-worker published the settlement, the notifier read it")
                .containsExactlyInAnyOrder("WON", "SETTLED");
    }

    @Test
    @Order(2)
    void unreadableRecordsReachTheDeadLetterTopicFromTheEngineTheSettlementWorkerAndTheNotifier() throws Exception {
        byte[] poison = "{not json".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<byte[], byte[]> admin = producer(login(ADMIN, "PLAIN", "localhost:" + adminPort))) {
            admin.send(new ProducerRecord<>(Topics.AUCTION_COMMANDS.name(), "poison".getBytes(StandardCharsets.UTF_8),
                    poison)).get(30, TimeUnit.SECONDS);
            admin.send(new ProducerRecord<>(Topics.AUCTION_EVENTS.name(), "poison".getBytes(StandardCharsets.UTF_8),
                    poison)).get(30, TimeUnit.SECONDS);
        }

        // The settlement-worker's monitor reads gream.dead-letters in its own group and counts by source topic.
        MeterRegistry meters = services.get(GreamServices.SETTLEMENT_WORKER.name()).context()
                .getBean(MeterRegistry.class);
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(deadLetters(meters, Topics.AUCTION_COMMANDS.name())).as("from the engine").isEqualTo(1);
            assertThat(deadLetters(meters, Topics.AUCTION_EVENTS.name()))
                    .as("one from the settlement-worker, one from the notifier").isEqualTo(2);
        });
    }

    @Test
    @Order(3)
    void theEngineRestartsOnItsChangelogsAndDecidesAnAuctionOpenedBeforeTheRestart() throws Exception {
        String auctionId = "acl-restart-" + UUID.randomUUID().toString().substring(0, 8);
        Answer opened = api.open("sally", "open-" + auctionId, LocalStackIT.auctionJson(auctionId, 3000, 100, null,
                Instant.now().plusSeconds(300)));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);

        RunningService engine = services.get(GreamServices.BID_ENGINE.name());
        engine.close();
        started.remove(engine);
        start(GreamServices.BID_ENGINE);

        Answer bid = api.bid("bob", auctionId, "bob-restart-1", 3000);
        assertThat(bid.status()).as(bid.toString()).isEqualTo(201);
        assertThat(bid.body().path("type").asString()).isEqualTo("BidAccepted");
    }

    @Test
    @Order(4)
    void noServiceWasRefusedAnything() throws Exception {
        Pattern refusal = Pattern.compile("(?i)authori[sz]ation|not authori[sz]ed|SaslAuthentication");
        assertThat(Files.readAllLines(logFile)).as(logFile.toString()).noneMatch(line -> refusal.matcher(line).find());
    }

    @ParameterizedTest(name = "{0} cannot write {1}")
    @Order(5)
    @CsvSource({
            "ingress, gream.auction-events",
            "ingress, gream.settlement-events",
            "settlement-worker, gream.auction-events",
            "notifier, gream.settlement-events",
            "notifier, gream.auction-commands",
            "bid-engine, gream.settlement-events"})
    void aServiceCannotWriteATopicItDoesNotOwn(String user, String topic) {
        try (KafkaProducer<byte[], byte[]> producer = producer(scram(user))) {
            ProducerRecord<byte[], byte[]> forged = new ProducerRecord<>(topic,
                    "forged".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> producer.send(forged).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    /**
     * The brokers' security settings of {@code docker-compose.yml} for one node: CLIENT (SCRAM-SHA-512, users created
     * at run time), BROKER (inter-broker, PLAIN) and CONTROLLER (PLAIN), the standard authorizer, the broker and admin
     * as the only super users, nothing allowed without an ACL.
     */
    private static Map<String, String> securedListeners(int clientPort, int controllerPort) {
        String plain = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + BROKER
                + "\" password=\"" + passwords.get(BROKER) + "\" user_" + BROKER + "=\"" + passwords.get(BROKER)
                + "\" user_" + ADMIN + "=\"" + passwords.get(ADMIN) + "\";";
        return Map.ofEntries(
                entry("listeners", "CLIENT://localhost:" + clientPort + ",BROKER://localhost:" + adminPort
                        + ",CONTROLLER://localhost:" + controllerPort),
                entry("advertised.listeners", "CLIENT://localhost:" + clientPort + ",BROKER://localhost:" + adminPort),
                entry("listener.security.protocol.map",
                        "CLIENT:SASL_PLAINTEXT,BROKER:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT"),
                entry("inter.broker.listener.name", "BROKER"),
                entry("sasl.mechanism.inter.broker.protocol", "PLAIN"),
                entry("sasl.mechanism.controller.protocol", "PLAIN"),
                entry("listener.name.client.sasl.enabled.mechanisms", "SCRAM-SHA-512"),
                entry("listener.name.client.scram-sha-512.sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required;"),
                entry("listener.name.broker.sasl.enabled.mechanisms", "PLAIN"),
                entry("listener.name.broker.plain.sasl.jaas.config", plain),
                entry("listener.name.controller.sasl.enabled.mechanisms", "PLAIN"),
                entry("listener.name.controller.plain.sasl.jaas.config", plain),
                entry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer"),
                entry("super.users", "User:" + BROKER + ";User:" + ADMIN),
                entry("allow.everyone.if.no.acl.found", "false"));
    }

    /** What a service is given in {@code docker-compose.yml} to log in as its user, as Spring Boot properties. */
    private static Map<String, String> springKafkaLogin(String user) {
        return Map.of(
                "spring.kafka.security.protocol", "SASL_PLAINTEXT",
                "spring.kafka.properties.sasl.mechanism", "SCRAM-SHA-512",
                "spring.kafka.properties.sasl.jaas.config", jaas("scram.ScramLoginModule", user));
    }

    private static Map<String, Object> scram(String user) {
        return login(user, "SCRAM-SHA-512", broker.bootstrapServers());
    }

    private static Map<String, Object> login(String user, String mechanism, String bootstrapServers) {
        return Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, mechanism,
                SaslConfigs.SASL_JAAS_CONFIG, jaas(mechanism.equals("PLAIN") ? "plain.PlainLoginModule"
                        : "scram.ScramLoginModule", user));
    }

    private static String jaas(String module, String user) {
        return "org.apache.kafka.common.security." + module + " required username=\"" + user + "\" password=\""
                + passwords.get(user) + "\";";
    }

    private static KafkaProducer<byte[], byte[]> producer(Map<String, Object> login) {
        Map<String, Object> settings = new HashMap<>(login);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        return new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static double deadLetters(MeterRegistry meters, String sourceTopic) {
        Counter counter = meters.find("gream.dead.letters").tag("source_topic", sourceTopic).counter();
        return counter == null ? 0 : counter.count();
    }

    private static List<String> notificationTypes(String user, String auctionId) {
        Answer answer = api.notifications(user);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        answer.body().path("notifications").forEach(n -> {
            if (n.path("auctionId").asString().equals(auctionId)) {
                types.add(n.path("type").asString());
            }
        });
        return types;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
