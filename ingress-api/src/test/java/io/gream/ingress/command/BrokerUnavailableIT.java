package io.gream.ingress.command;

import io.gream.ingress.IngressApplication;
import io.gream.ingress.testing.Api;
import io.gream.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no Kafka broker and no engine listening, the ingress answers {@code 503} within seconds, and never a
 * {@code 201}/{@code 202} for a command the broker did not acknowledge.
 */
@SpringBootTest(classes = IngressApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.kafka.producer.properties.max.block.ms=500",
                "spring.kafka.producer.properties.request.timeout.ms=500",
                "spring.kafka.producer.properties.delivery.timeout.ms=1000",
                "gream.ingress.commands.ack-timeout=2s",
                "gream.ingress.engine.connect-timeout=200ms"
        })
class BrokerUnavailableIT {

    private static final int CLOSED_PORT = closedPort();

    @LocalServerPort
    private int port;
    private Api api;

    @DynamicPropertySource
    static void nothingListening(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + CLOSED_PORT);
        registry.add("gream.ingress.engine-urls", () -> "http://127.0.0.1:" + CLOSED_PORT);
        registry.add("gream.ingress.engine-token", () -> "engine-token-for-tests-only");
        registry.add("gream.auth.jwks.file", Tokens::jwksFile);
    }

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void bidIs503BrokerUnavailableWithinSeconds() {
        Instant start = Instant.now();

        Api.Response response = api.post("/api/auctions/a-1/bids").as("bob").header("Idempotency-Key", "k1")
                .json("{\"amount\":1500}").send();

        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.code()).isEqualTo("BROKER_UNAVAILABLE");
        assertThat(response.header("Retry-After")).isEqualTo("1");
        assertThat(response.json().path("commandId").asString())
                .isEqualTo(CommandIds.commandId("PlaceBid", "bob", "a-1", "k1"));
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void openIs503BrokerUnavailable() {
        Api.Response response = api.post("/api/auctions").as("sally").json("""
                {"auctionId":"a-2","item":{"brand":"CU","name":"Banana Milk","faceValue":1700,
                 "voucherExpiresOn":"%s"},"startPrice":1000,"minIncrement":100,"endsAt":"%s","softCloseSeconds":0}"""
                .formatted(LocalDate.now().plusYears(1), Instant.now().plus(Duration.ofHours(1))))
                .send();

        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.code()).isEqualTo("BROKER_UNAVAILABLE");
    }

    @Test
    void auctionViewIs503EngineUnavailableWhenNoInstanceListens() {
        Api.Response response = api.get("/api/auctions/a-1").send();

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.code()).isEqualTo("ENGINE_UNAVAILABLE");
        assertThat(response.header("Retry-After")).isEqualTo("1");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
