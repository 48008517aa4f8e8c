package io.gream.ingress.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What every test of the running ingress needs, whatever its configuration: the shared real broker and engine
 * stand-in, a reader of the command topic and a client of the ingress's port. Subclasses
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

    @BeforeEach
    void connect() {
        api = new Api(port);
    }
}
