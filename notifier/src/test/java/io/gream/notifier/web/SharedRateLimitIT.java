package io.gream.notifier.web;

import io.gream.notifier.testing.Http;
import io.gream.notifier.testing.RunningNotifier;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two notifier replicas with the real Redis at 127.0.0.1:6379 (required when {@code CI=true}, skipped otherwise
 * when it is not reachable): three requests per user per minute between them, not three each.
 */
class SharedRateLimitIT extends RunningNotifier {

    private static final String[] LIMITS = {
            "--gream.notifier.rate-limit.redis-url=redis://127.0.0.1:6379",
            "--gream.notifier.rate-limit.requests-per-period=3",
            "--gream.notifier.rate-limit.period=1m"};

    private static Http replicaOne;
    private static Http replicaTwo;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoReplicas() {
        assumeTrue("true".equalsIgnoreCase(System.getenv("CI")) || redisReachable(), "no Redis on 127.0.0.1:6379");
        start(LIMITS);
        second = startReplica(LIMITS);
        replicaOne = http;
        replicaTwo = new Http(port(second));
    }

    @Test
    void twoReplicasShareOneAllowancePerUser() {
        // a user nobody has charged before, whatever earlier runs left in Redis
        String user = "rl-" + UUID.randomUUID();
        String other = "rl-" + UUID.randomUUID();

        assertThat(replicaOne.get("/api/notifications", user).status()).isEqualTo(200);
        assertThat(replicaTwo.get("/api/notifications", user).status()).isEqualTo(200);
        assertThat(replicaOne.get("/api/webhooks", user).status()).isEqualTo(200);

        Http.Response limitedOnTwo = replicaTwo.get("/api/notifications", user);
        Http.Response limitedOnOne = replicaOne.get("/api/webhooks", user);

        assertThat(limitedOnTwo.status()).isEqualTo(429);
        assertThat(limitedOnTwo.contentType()).startsWith("application/problem+json");
        assertThat(limitedOnTwo.code()).isEqualTo("RATE_LIMITED");
        assertThat(Integer.parseInt(limitedOnTwo.raw().headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1, 60);
        assertThat(limitedOnOne.status()).isEqualTo(429);
        assertThat(replicaTwo.get("/api/notifications", other).status()).isEqualTo(200);
        // Redis answered every time: neither replica fell back to its own allowance
        for (ConfigurableApplicationContext replica : new ConfigurableApplicationContext[]{app, second}) {
            assertThat(replica.getBean(MeterRegistry.class).counter("gream.notifier.rate.redis-unavailable").count())
                    .isZero();
        }
    }

    private static boolean redisReachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
