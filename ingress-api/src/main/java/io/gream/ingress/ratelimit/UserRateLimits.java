package io.gream.ingress.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;

import java.time.Duration;
import java.util.Optional;

/**
 * One resilience4j {@link RateLimiter} per user, kept in a bounded cache.
 *
 * <p>Not a {@code RateLimiterRegistry}: a registry keeps every limiter it ever created, which with one per user
 * grows without bound. A limiter idle for longer than its period has its full allowance back, so forgetting it
 * changes nothing; the cache forgets idle ones after a few periods, and the least recently used ones when it is full.
 */
final class UserRateLimits {

    private final RateLimiterConfig config;
    private final Duration period;
    private final Cache<String, RateLimiter> limiters;

    UserRateLimits(RateLimitProperties properties) {
        this.period = properties.period();
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(properties.requestsPerPeriod())
                .limitRefreshPeriod(properties.period())
                .timeoutDuration(Duration.ZERO) // never hold a request thread waiting for a permit
                .build();
        Duration idle = period.multipliedBy(4);
        this.limiters = Caffeine.newBuilder()
                .maximumSize(properties.maxTrackedUsers())
                .expireAfterAccess(idle.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : idle)
                .build();
    }

    /** Takes one permit for {@code userId}: empty if granted, otherwise how long until the next one. */
    Optional<Duration> acquire(String userId) {
        RateLimiter limiter = limiters.get(userId, id -> RateLimiter.of("user", config));
        if (limiter.acquirePermission()) {
            return Optional.empty();
        }
        Duration wait = limiter instanceof AtomicRateLimiter atomic
                ? Duration.ofNanos(atomic.getDetailedMetrics().getNanosToWait())
                : period;
        return Optional.of(wait.isNegative() || wait.isZero() ? period : wait);
    }
}
