package io.gream.ingress.engine;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * {@code gream.ingress.engine-urls} and {@code gream.ingress.engine.*}: where the bid-engine instances are, and how
 * patiently to talk to them.
 *
 * @param engineUrls base URLs of the engine instances; any of them answers for any auction
 * @param engine     timeouts, retries and circuit breakers
 * @param engineToken sent as {@code X-Gream-Internal-Token} when set; must equal the engines'
 *                    {@code gream.engine.internal-token}
 */
@ConfigurationProperties("gream.ingress")
record EngineClientProperties(
        @DefaultValue("http://localhost:8081") List<URI> engineUrls,
        @DefaultValue Engine engine,
        @DefaultValue("") String engineToken) {

    EngineClientProperties {
        if (engineUrls.isEmpty()) {
            throw new IllegalArgumentException("gream.ingress.engine-urls needs at least one URL");
        }
        for (URI url : engineUrls) {
            if (!url.isAbsolute() || url.getHost() == null
                    || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
                throw new IllegalArgumentException("gream.ingress.engine-urls: not an http(s) URL: " + url);
            }
        }
        engineUrls = List.copyOf(engineUrls);
    }

    /**
     * @param connectTimeout most time to open a connection to an instance
     * @param readTimeout    most time an instance may take to answer, on top of any long-poll wait
     * @param attempts       calls per request, each on the next instance (1 = no retry)
     * @param retryBackoff   pause before the next attempt
     * @param retryAfter     the {@code Retry-After} to give clients when no instance answered, and when an
     *                       engine's {@code 503} carried none
     * @param maxPollSlice   longest single long poll for a command's outcome; a longer wait is asked in slices,
     *                       so a poll parked on an instance that lost the auction's partition (whose waiter never
     *                       completes) ends in time for the next slice to find the partition's new owner. At most
     *                       10 s, the engine's own limit on {@code waitMs}
     * @param unavailableBackoff pause before asking again for a command's outcome after the engine answered
     *                       {@code 503} (rebalancing) or no instance could be reached, while the caller's wait
     *                       lasts; a failover is usually over within seconds, and the caller offered to wait
     * @param circuitBreaker per-instance circuit breaker
     */
    record Engine(
            @DefaultValue("500ms") Duration connectTimeout,
            @DefaultValue("2s") Duration readTimeout,
            @DefaultValue("2") int attempts,
            @DefaultValue("50ms") Duration retryBackoff,
            @DefaultValue("1s") Duration retryAfter,
            @DefaultValue("2s") Duration maxPollSlice,
            @DefaultValue("250ms") Duration unavailableBackoff,
            @DefaultValue CircuitBreaker circuitBreaker) {

        /** The engine refuses a {@code waitMs} above this ({@code @Max(10_000)} on its endpoint). */
        static final Duration ENGINE_MAX_POLL = Duration.ofSeconds(10);

        Engine {
            if (attempts < 1) {
                throw new IllegalArgumentException("gream.ingress.engine.attempts must be at least 1");
            }
            if (maxPollSlice.toMillis() < 1 || maxPollSlice.compareTo(ENGINE_MAX_POLL) > 0) {
                throw new IllegalArgumentException("gream.ingress.engine.max-poll-slice must be between 1ms and "
                        + "10s (the engine's longest long poll), not " + maxPollSlice);
            }
            if (unavailableBackoff.toMillis() < 1) {
                // zero would ask a down engine again and again without pause for the whole wait
                throw new IllegalArgumentException("gream.ingress.engine.unavailable-backoff must be at least 1ms");
            }
        }
    }

    /**
     * @param failureRateThreshold percentage of failed calls (I/O errors, timeouts, 5xx other than 503) that opens
     *                             an instance's breaker
     * @param slidingWindowSize    calls the failure rate is measured over
     * @param minimumNumberOfCalls calls needed before the rate counts
     * @param waitInOpenState      how long an open breaker refuses calls before letting a few through
     */
    record CircuitBreaker(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("20") int slidingWindowSize,
            @DefaultValue("10") int minimumNumberOfCalls,
            @DefaultValue("5s") Duration waitInOpenState) {
    }
}
