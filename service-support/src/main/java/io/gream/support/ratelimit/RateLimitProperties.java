package io.gream.support.ratelimit;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code gream.<service>.rate-limit.*}, the service named by its {@link RateLimitScope}.
 *
 * @param requestsPerPeriod          requests one user may make per period
 * @param period                     the refill period of each allowance
 * @param maxTrackedUsers            bound on the users (and client addresses) tracked at once in memory; the least
 *                                   recently seen are forgotten first (they start again with a full allowance)
 * @param anonymousRequestsPerPeriod requests without a token one client address may make per period
 * @param redisUrl                   when set (e.g. {@code redis://redis:6379}), allowances are kept in Redis and
 *                                   shared by every replica; empty: each replica limits on its own, in memory
 * @param redisTimeout               most time a request waits for Redis before this replica's own limit decides
 */
record RateLimitProperties(
        @DefaultValue("20") int requestsPerPeriod,
        @DefaultValue("1s") Duration period,
        @DefaultValue("100000") long maxTrackedUsers,
        @DefaultValue("50") int anonymousRequestsPerPeriod,
        @DefaultValue("") String redisUrl,
        @DefaultValue("200ms") Duration redisTimeout) {

    RateLimitProperties {
        if (requestsPerPeriod < 1 || anonymousRequestsPerPeriod < 1 || period.isNegative() || period.isZero()
                || maxTrackedUsers < 1 || redisTimeout.isNegative() || redisTimeout.isZero()) {
            throw new IllegalArgumentException("rate-limit needs requests-per-period and anonymous-requests-per-period"
                    + " >= 1, a positive period and redis-timeout, and max-tracked-users >= 1");
        }
    }
}
