package io.gream.support.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * Allowances shared by every replica: one Bucket4j token bucket per key in Redis, updated with compare-and-set, so
 * N replicas together allow what one would (a user spreading requests over replicas gains nothing).
 *
 * <p>When Redis cannot answer within the timeout, the request is charged to {@code fallback}, this replica's own
 * allowance, and counted: limits then hold per replica, as without Redis, and nobody is refused because Redis is
 * away. A bucket's key expires once it would be full again, so idle keys do not accumulate.
 */
final class SharedRateLimits implements RateLimits, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SharedRateLimits.class);
    /** After a failed connection attempt, requests use the fallback for this long before Redis is tried again. */
    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(5);

    private final RedisClient client;
    private final Duration period;
    private final Duration timeout;
    private final BucketConfiguration configuration;
    private final String prefix;
    private final RateLimits fallback;
    private final Counter unavailable;
    private StatefulRedisConnection<String, byte[]> connection;
    private ProxyManager<String> buckets;
    private long retryAtNanos;

    /**
     * Connects on first use, not here, so a service starts while Redis is away.
     *
     * @param prefix   namespaces the keys, e.g. {@code gream:notifier:user:}
     * @param timeout  most time one request waits for Redis (or for a connection to it) before the fallback decides
     * @param fallback this replica's own limits, used while Redis cannot answer
     */
    SharedRateLimits(RedisClient client, String prefix, int permitsPerPeriod, Duration period, Duration timeout,
                     RateLimits fallback, Counter unavailable) {
        this.client = client;
        this.prefix = prefix;
        this.period = period;
        this.timeout = timeout;
        this.fallback = fallback;
        this.unavailable = unavailable;
        this.configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(permitsPerPeriod).refillGreedy(permitsPerPeriod, period))
                .build();
    }

    @Override
    public Optional<Duration> acquire(String key) {
        ConsumptionProbe probe;
        try {
            probe = buckets().builder().build(prefix + key, configuration).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            unavailable.increment();
            log.debug("Redis did not answer for rate limit {}; this replica's limit applies: {}", key, e.toString());
            return fallback.acquire(key);
        }
        return probe.isConsumed() ? Optional.empty()
                : Optional.of(Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill())));
    }

    private synchronized ProxyManager<String> buckets() {
        if (buckets != null) {
            return buckets;
        }
        if (System.nanoTime() - retryAtNanos < 0) {
            throw new IllegalStateException("Redis was unreachable moments ago");
        }
        try {
            connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        } catch (RuntimeException e) {
            retryAtNanos = System.nanoTime() + RECONNECT_AFTER.toNanos();
            log.warn("Cannot connect to Redis for shared rate limits ({}); each replica limits on its own meanwhile",
                    e.toString());
            throw e;
        }
        connection.setTimeout(timeout);
        buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(period))
                .requestTimeout(timeout)
                .build();
        return buckets;
    }

    /** Closes this limit's connection; the client is its creator's to shut down. */
    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
        }
    }
}
