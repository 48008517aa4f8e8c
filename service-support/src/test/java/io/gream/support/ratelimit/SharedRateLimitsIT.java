package io.gream.support.ratelimit;

import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two replicas' limits against the real Redis at 127.0.0.1:6379 (required when {@code CI=true}, skipped otherwise
 * when it is not reachable): together they allow what one would.
 */
class SharedRateLimitsIT {

    private static final String REDIS = "redis://127.0.0.1:6379";

    private final Counter unavailable = new SimpleMeterRegistry().counter("unavailable");
    private RedisClient replicaOne;
    private RedisClient replicaTwo;
    private String prefix;

    @BeforeEach
    void redis() {
        assumeTrue("true".equalsIgnoreCase(System.getenv("CI")) || reachable(), "no Redis on 127.0.0.1:6379");
        replicaOne = RedisClient.create(REDIS);
        replicaTwo = RedisClient.create(REDIS);
        prefix = "gream:test:" + UUID.randomUUID() + ":";
    }

    @AfterEach
    void close() {
        if (replicaOne != null) {
            replicaOne.shutdown();
            replicaTwo.shutdown();
        }
    }

    @Test
    void twoReplicasShareOneAllowancePerUser() {
        try (SharedRateLimits one = limits(replicaOne, 3); SharedRateLimits two = limits(replicaTwo, 3)) {
            assertThat(one.acquire("alice")).isEmpty();
            assertThat(two.acquire("alice")).isEmpty();
            assertThat(one.acquire("alice")).isEmpty();

            assertThat(two.acquire("alice")).hasValueSatisfying(wait ->
                    assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofHours(1)));
            assertThat(one.acquire("alice")).isPresent();
            assertThat(two.acquire("bob")).isEmpty(); // another user's allowance is untouched
            assertThat(unavailable.count()).isZero();
        }
    }

    @Test
    void anAllowanceComesBackAfterItsPeriod() {
        try (SharedRateLimits one = limits(replicaOne, 1, Duration.ofSeconds(2));
             SharedRateLimits two = limits(replicaTwo, 1, Duration.ofSeconds(2))) {
            one.acquire("warm-up"); // both connected before the clock matters
            two.acquire("warm-up");
            assertThat(one.acquire("carol")).isEmpty();
            assertThat(two.acquire("carol")).isPresent();

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> two.acquire("carol").isEmpty());
        }
    }

    @Test
    void whileRedisCannotBeReachedEachReplicasOwnLimitApplies() {
        RedisClient away = RedisClient.create("redis://127.0.0.1:1");
        try (SharedRateLimits limits = new SharedRateLimits(away, prefix, 1, Duration.ofHours(1),
                Duration.ofMillis(200), new LocalRateLimits(1, Duration.ofHours(1), 10), unavailable)) {
            assertThat(limits.acquire("dave")).isEmpty();
            assertThat(limits.acquire("dave")).isPresent();
            assertThat(unavailable.count()).isEqualTo(2);
        } finally {
            away.shutdown();
        }
    }

    private SharedRateLimits limits(RedisClient client, int permits) {
        return limits(client, permits, Duration.ofHours(1));
    }

    private SharedRateLimits limits(RedisClient client, int permits, Duration period) {
        return new SharedRateLimits(client, prefix, permits, period, Duration.ofSeconds(2),
                key -> {
                    throw new AssertionError("the replica's own limit was asked although Redis answers");
                }, unavailable);
    }

    private static boolean reachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
