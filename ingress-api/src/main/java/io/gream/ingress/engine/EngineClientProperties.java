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
     * @param readTimeout    most time an instance may take to answer
     * @param attempts       calls per request, each on the next instance (1 = no retry)
     * @param retryBackoff   pause before the next attempt
     * @param retryAfter     the {@code Retry-After} to give clients when no instance answered, and when an
     *                       engine's {@code 503} carried none
     * @param circuitBreaker per-instance circuit breaker
     */
    record Engine(
            @DefaultValue("500ms") Duration connectTimeout,
            @DefaultValue("2s") Duration readTimeout,
            @DefaultValue("2") int attempts,
            @DefaultValue("50ms") Duration retryBackoff,
            @DefaultValue("1s") Duration retryAfter,
            @DefaultValue CircuitBreaker circuitBreaker) {

        Engine {
            if (attempts < 1) {
                throw new IllegalArgumentException("gream.ingress.engine.attempts must be at least 1");
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
