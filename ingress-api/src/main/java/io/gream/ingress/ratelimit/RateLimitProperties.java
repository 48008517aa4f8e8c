package io.gream.ingress.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code gream.ingress.rate-limit.*}.
 *
 * @param requestsPerPeriod requests one user may make per period (on one replica)
 * @param period            the refill period of each user's allowance
 * @param maxTrackedUsers   bound on the number of users tracked at once; the least recently seen are forgotten
 *                          first (a forgotten user starts again with a full allowance)
 */
@ConfigurationProperties("gream.ingress.rate-limit")
record RateLimitProperties(
        @DefaultValue("20") int requestsPerPeriod,
        @DefaultValue("1s") Duration period,
        @DefaultValue("100000") long maxTrackedUsers) {

    RateLimitProperties {
        if (requestsPerPeriod < 1 || period.isNegative() || period.isZero() || maxTrackedUsers < 1) {
            throw new IllegalArgumentException("gream.ingress.rate-limit needs requests-per-period >= 1, a positive"
                    + " period and max-tracked-users >= 1");
        }
    }
}
