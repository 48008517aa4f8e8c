package io.gream.settlement.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * {@code gream.settlement.gateway.*}: which payment gateway charges winners, and the guard around it. Defaults and
 * their reasons are in {@code settlement-worker.yml}.
 *
 * @param type      {@code simulated} (default) or {@code toss}
 * @param timeLimit longest a single gateway call may take before it counts as timed out
 */
@ConfigurationProperties("gream.settlement.gateway")
public record GatewayProperties(String type, Duration timeLimit, RetrySettings retry,
                                CircuitBreakerSettings circuitBreaker, BulkheadSettings bulkhead,
                                Simulated simulated, Toss toss) {

    /** @param maxAttempts attempts per logical call, the first included */
    public record RetrySettings(int maxAttempts, Duration initialBackoff, double multiplier) {
    }

    public record CircuitBreakerSettings(float failureRateThreshold, int slidingWindowSize, int minimumNumberOfCalls,
                                         Duration waitInOpenState) {
    }

    public record BulkheadSettings(int maxConcurrentCalls, Duration maxWait) {
    }

    public record Simulated(Duration latency, double failureRate, double declineRate, double timeoutRate,
                            Duration hang, long seed) {
    }

    /** @param billingKeys user id to Toss billing key, until a payment-method service provides them */
    public record Toss(URI baseUrl, String secretKey, Duration connectTimeout, Duration readTimeout,
                       Map<String, String> billingKeys) {
    }
}
