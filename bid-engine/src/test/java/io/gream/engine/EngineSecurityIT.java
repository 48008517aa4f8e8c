package io.gream.engine;

import io.gream.childjvm.Ports;
import io.gream.contracts.Item;
import io.gream.contracts.OpenAuction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The attacks the engine's HTTP port refuses, against the real application on a real broker. Requests are written
 * byte for byte on a socket, so the paths reach Tomcat exactly as an attacker would spell them (an HTTP client
 * library would normalise some of them first).
 *
 * <p>Every spelling of a query path that Spring MVC routes to the query API reads the auction with the token (so
 * the spelling really reaches a handler) and is refused without it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineSecurityIT {

    private static final Item VOUCHER = new Item("GS25", "Gift Card 10,000", 10_000, LocalDate.now().plusYears(1));
    private static final String AUCTION = "sec-" + UUID.randomUUID();

    private EmbeddedKafkaKraftBroker broker;
    private ConfigurableApplicationContext engine;
    private int port;

    @BeforeAll
    void startEngineWithAnAuction() throws Exception {
        broker = EngineTestSupport.startBroker();
        port = Ports.free();
        Path state = Path.of("target", "it-state", UUID.randomUUID().toString()).toAbsolutePath();
        engine = EngineTestSupport.startEngine(BidEngineApplication.builder(), broker, state, port);
        try (KafkaProducer<String, byte[]> producer = EngineTestSupport.idempotentProducer(broker)) {
            EngineTestSupport.send(producer, new OpenAuction("open", AUCTION, "sally", VOUCHER, 1_000, 100, null,
                    null, Instant.now().plus(Duration.ofHours(1)), 0));
        }
        await().atMost(EngineTestSupport.TIMEOUT).until(() -> get("/auctions/" + AUCTION, true).status() == 200);
    }

    @AfterAll
    void stop() {
        if (engine != null) {
            engine.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Nested
    class TheQueryApiRefuses {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
                "/auctions/" + "{id}",
                "/%61uctions/{id}",
                "/%61%75%63%74%69%6f%6e%73/{id}",
                "/auctions;x=y/{id}",
                "/auctions/{id};jsessionid=0",
                "/auctions/{id}/commands/open?waitMs=0",
                "/auctions?status=OPEN",
                "/auctions;a=b?status=OPEN"})
        void everySpellingOfAQueryPathWithoutTheToken(String spelling) throws IOException {
            String path = spelling.replace("{id}", AUCTION);

            Answer withToken = get(path, true);
            assertThat(withToken.status()).as("%s reaches the query API with the token", path).isEqualTo(200);
            assertThat(withToken.body()).contains(AUCTION);

            Answer withoutToken = get(path, false);
            assertThat(withoutToken.status()).as(path).isEqualTo(401);
            assertThat(withoutToken.header("content-type")).startsWith("application/problem+json");
            assertThat(withoutToken.body()).contains("\"code\":\"UNAUTHORIZED\"")
                    .doesNotContain("\"leaderId\"").doesNotContain("sally");
        }

        @Test
        void aWrongToken() throws IOException {
            Answer answer = send("GET /auctions/" + AUCTION + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "X-Gream-Internal-Token: " + EngineTestSupport.INTERNAL_TOKEN + "x\r\nConnection: close\r\n\r\n");

            assertThat(answer.status()).isEqualTo(401);
        }

        @Test
        void aTokenInTheQueryStringInsteadOfTheHeader() throws IOException {
            Answer answer = get("/auctions/" + AUCTION + "?X-Gream-Internal-Token=" + EngineTestSupport.INTERNAL_TOKEN,
                    false);

            assertThat(answer.status()).isEqualTo(401);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"/AUCTIONS/{id}", "/auctions%2F{id}", "/auctions/{id}/", "/auctions.json",
                "//auctions/{id}", "/auctions//{id}", "/./auctions/{id}", "/nothing/../auctions/{id}",
                "/anything-else", "/"})
        void pathsOutsideTheApiWithoutLeakingAnAuction(String spelling) throws IOException {
            Answer answer = get(spelling.replace("{id}", AUCTION), false);

            assertThat(answer.status()).as(spelling).isBetween(400, 499);
            assertThat(answer.body()).doesNotContain("\"leaderId\"").doesNotContain("sally");
        }
    }

    @Nested
    class ActuatorRefuses {

        @Test
        void toShowHealthDetails() throws IOException {
            Answer health = get("/actuator/health", false);

            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"")
                    .doesNotContain("kafkaStreams").doesNotContain("components").doesNotContain("threads");
            assertThat(get("/actuator/health/kafkaStreams", false).body()).doesNotContain("RUNNING");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/metrics",
                "/actuator/heapdump", "/actuator/threaddump", "/actuator/loggers", "/actuator/mappings"})
        void endpointsBeyondHealthInfoAndPrometheus(String path) throws IOException {
            Answer answer = get(path, false);

            assertThat(answer.status()).as(path).isIn(401, 404);
            assertThat(answer.body()).doesNotContain("propertySources", "\"beans\"", "\"names\"", "threads");
        }
    }

    @Nested
    class StartupRefuses {

        @Test
        void anEngineWithoutAnInternalToken() {
            assertThatThrownBy(() -> BidEngineApplication.builder().run(
                    "--server.port=0",
                    "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                    "--spring.kafka.streams.state-dir=" + Path.of("target", "it-state", UUID.randomUUID().toString())
                            .toAbsolutePath(),
                    "--gream.engine.internal-token="))
                    .hasStackTraceContaining("gream.engine.internal-token");
        }

        @Test
        void anEngineWithAGuessableInternalToken() {
            assertThatThrownBy(() -> BidEngineApplication.builder().run(
                    "--server.port=0",
                    "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                    "--spring.kafka.streams.state-dir=" + Path.of("target", "it-state", UUID.randomUUID().toString())
                            .toAbsolutePath(),
                    "--gream.engine.internal-token=secret"))
                    .hasStackTraceContaining("internalToken");
        }
    }

    private Answer get(String path, boolean withToken) throws IOException {
        return send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + (withToken ? EngineTestSupport.INTERNAL_TOKEN_HEADER + ": " + EngineTestSupport.INTERNAL_TOKEN
                + "\r\n" : "")
                + "Connection: close\r\n\r\n");
    }

    private Answer send(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return Answer.parse(all.toString(StandardCharsets.UTF_8));
        }
    }

    /** A raw HTTP/1.1 answer: status, headers (lower-cased names) and the body as sent (possibly chunked). */
    private record Answer(int status, String head, String body) {

        static Answer parse(String raw) {
            int split = raw.indexOf("\r\n\r\n");
            String head = split < 0 ? raw : raw.substring(0, split);
            String body = split < 0 ? "" : raw.substring(split + 4);
            return new Answer(Integer.parseInt(head.substring(9, 12)), head, body);
        }

        String header(String name) {
            return head.lines().filter(line -> line.toLowerCase().startsWith(name + ":"))
                    .map(line -> line.substring(name.length() + 1).trim()).findFirst().orElse("");
        }
    }
}
