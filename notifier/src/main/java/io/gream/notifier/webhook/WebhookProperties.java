package io.gream.notifier.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Set;

/**
 * {@code gream.notifier.webhooks.*}: who may be called, and how deliveries are retried and isolated. Documented
 * with defaults in {@code notifier.yml} and the README.
 *
 * @param allowedPorts        the only ports a webhook URL may name (default 80 and 443)
 * @param allowAnyPort        lifts {@code allowedPorts} (local development)
 * @param rotationGrace       how long a rotated-out secret keeps signing when the request names no grace period
 * @param maxRotationGrace    the longest grace period a rotation may ask for
 */
@ConfigurationProperties("gream.notifier.webhooks")
record WebhookProperties(
        @DefaultValue("false") boolean allowPrivateAddresses,
        @DefaultValue("true") boolean requireHttps,
        @DefaultValue({"80", "443"}) Set<Integer> allowedPorts,
        @DefaultValue("false") boolean allowAnyPort,
        @DefaultValue("24h") Duration rotationGrace,
        @DefaultValue("7d") Duration maxRotationGrace,
        @DefaultValue("10") int maxPerUser,
        @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration requestTimeout,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("1s") Duration initialBackoff,
        @DefaultValue("10m") Duration maxBackoff,
        @DefaultValue("2") int concurrencyPerEndpoint,
        @DefaultValue("50") int queuePerEndpoint,
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("10") int slidingWindowSize,
        @DefaultValue("5") int minimumNumberOfCalls,
        @DefaultValue("30s") Duration waitInOpenState,
        @DefaultValue("2m") Duration idleLaneEviction) {

    WebhookProperties {
        if (maxAttempts < 1 || concurrencyPerEndpoint < 1 || queuePerEndpoint < 1 || batchSize < 1
                || maxPerUser < 1) {
            throw new IllegalArgumentException("gream.notifier.webhooks: attempts, concurrency, queue, batch size"
                    + " and max-per-user must be at least 1");
        }
        if (rotationGrace.isNegative() || maxRotationGrace.compareTo(rotationGrace) < 0) {
            throw new IllegalArgumentException(
                    "gream.notifier.webhooks: rotation-grace must be in 0..max-rotation-grace");
        }
        if (requestTimeout.isZero() || requestTimeout.isNegative() || connectTimeout.isZero()
                || connectTimeout.isNegative()) {
            throw new IllegalArgumentException("gream.notifier.webhooks timeouts must be positive");
        }
    }

    /** How long one replica owns a claimed delivery: longer than any attempt can take. */
    Duration lease() {
        return connectTimeout.plus(requestTimeout).plusSeconds(10);
    }
}
