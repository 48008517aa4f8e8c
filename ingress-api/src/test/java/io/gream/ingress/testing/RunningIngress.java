package io.gream.ingress.testing;

import io.gream.ingress.tail.AuctionEventTail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every test of the running ingress needs, whatever its configuration: the shared real broker and engine
 * stand-in, the test signing key, a reader of the command topic and clients of the ingress's port (requests and
 * event streams). Subclasses
 * choose the configuration with {@code @SpringBootTest}.
 */
public abstract class RunningIngress {

    protected static CommandLog commands;

    protected Api api;
    protected EventStreamClient streams;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestBroker::bootstrapServers);
        registry.add("gream.ingress.engine-urls", () -> EngineStub.shared().url().toString());
        // Also replaces the local profile's public development key, so Tokens can sign for every context.
        registry.add("gream.auth.hmac-secret", () -> Tokens.SECRET);
    }

    @BeforeAll
    static void readCommands() {
        commands = new CommandLog();
    }

    @AfterAll
    static void stopReading() {
        commands.close();
    }

    @Autowired
    private AuctionEventTail tail;

    @BeforeEach
    void connect() throws InterruptedException {
        // Outcomes appended from here on reach the ingress: its tail knows where every partition ended.
        assertThat(tail.awaitPositioned(Duration.ofSeconds(60))).isTrue();
        api = new Api(port);
        streams = new EventStreamClient(port);
    }
}
