package io.gream.ingress.testing;

import io.gream.ingress.IngressApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ingress under the {@code local} profile (development tokens on) with a tight rate limit of three requests
 * per user per minute. Shared by the test classes that need either.
 */
@SpringBootTest(classes = IngressApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "gream.ingress.rate-limit.requests-per-period=3",
                "gream.ingress.rate-limit.period=1m"
        })
@ActiveProfiles("local")
public abstract class LocalProfileContext {

    protected static CommandLog commands;

    protected Api api;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestBroker::bootstrapServers);
        registry.add("gream.ingress.engine-urls", () -> EngineStub.shared().url().toString());
        // replaces the profile's public development key, so Tokens can sign for this context too
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

    @BeforeEach
    void connect() {
        api = new Api(port);
    }
}
