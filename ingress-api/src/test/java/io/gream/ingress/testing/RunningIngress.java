package io.gream.ingress.testing;

import io.gream.ingress.tail.AuctionEventTail;
import io.gream.testing.Tokens;
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
 * stand-in, a reader of the command topic and clients of the ingress's port (requests and event streams). Subclasses
 * choose the configuration with {@code @SpringBootTest}.
 */
public abstract class RunningIngress {

    /**
     * The production key source: the identity provider's public keys, here the JWKS file {@link Tokens} signs for.
     * Not for the local-profile context, whose development tokens refuse to start next to one.
     */
    protected static void identityProvider(DynamicPropertyRegistry registry) {
        registry.add("gream.auth.jwks.file", Tokens::jwksFile);
    }

    protected static CommandLog commands;

    protected Api api;
    protected EventStreamClient streams;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestBroker::bootstrapServers);
        registry.add("gream.ingress.engine-urls", () -> EngineStub.shared().url().toString());
        registry.add("gream.ingress.engine-token", () -> EngineStub.INTERNAL_TOKEN);
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
