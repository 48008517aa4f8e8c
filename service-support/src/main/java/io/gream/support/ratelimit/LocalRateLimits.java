package io.gream.support.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;

import java.time.Duration;
import java.util.Optional;

/**
 * One resilience4j {@link RateLimiter} per key (a user or a client address), kept in a bounded cache: the limits of
 * one replica, in its memory.
 *
 * <p>Not a {@code RateLimiterRegistry}: a registry keeps every limiter it ever created, which with one per user
 * grows without bound. A limiter idle for longer than its period has its full allowance back, so forgetting it
 * changes nothing; the cache forgets idle ones after a few periods, and the least recently used ones when it is full.
 */
final class LocalRateLimits implements RateLimits {

    private final RateLimiterConfig config;
    private final Duration period;
    private final Cache<String, RateLimiter> limiters;

    LocalRateLimits(int permitsPerPeriod, Duration period, long maxTracked) {
        this.period = period;
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(permitsPerPeriod)
                .limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO) // never hold a request thread waiting for a permit
                .build();
        Duration idle = period.multipliedBy(4);
        this.limiters = Caffeine.newBuilder()
                .maximumSize(maxTracked)
                .expireAfterAccess(idle.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : idle)
                .build();
    }

    @Override
    public Optional<Duration> acquire(String key) {
        RateLimiter limiter = limiters.get(key, id -> RateLimiter.of("rate-limit", config));
        if (limiter.acquirePermission()) {
            return Optional.empty();
        }
        Duration wait = limiter instanceof AtomicRateLimiter atomic
                ? Duration.ofNanos(atomic.getDetailedMetrics().getNanosToWait())
                : period;
        return Optional.of(wait.isNegative() || wait.isZero() ? period : wait);
    }
}
