package io.gream.settlement.payment;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedTimeLimiterMetrics;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * Builds the configured {@link PaymentGateway} (a bean of that type supplied elsewhere, e.g. by a test, wins) and
 * the {@link GuardedPaymentGateway} around it, with its Resilience4j metrics.
 */
@Configuration(proxyBeanMethods = false)
class PaymentGatewayConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PaymentGatewayConfiguration.class);

    static final String NAME = "payment-gateway";

    @Bean
    GuardedPaymentGateway guardedPaymentGateway(GatewayProperties properties,
                                                ObjectProvider<PaymentGateway> supplied, MeterRegistry meters) {
        PaymentGateway gateway = supplied.getIfAvailable(() -> gateway(properties));
        log.info("Charging winners through {} (time limit {}, {} attempts, breaker after {} calls)",
                gateway.getClass().getSimpleName(), properties.timeLimit(), properties.retry().maxAttempts(),
                properties.circuitBreaker().minimumNumberOfCalls());
        return guarded(gateway, properties, meters);
    }

    /** The gateway the properties name. */
    static PaymentGateway gateway(GatewayProperties properties) {
        return switch (properties.type()) {
            case "simulated" -> {
                GatewayProperties.Simulated s = properties.simulated();
                yield new SimulatedPaymentGateway(new SimulatedPaymentGateway.Settings(s.latency(), s.failureRate(),
                        s.declineRate(), s.timeoutRate(), s.hang(), s.seed()));
            }
            case "toss" -> {
                GatewayProperties.Toss t = properties.toss();
                yield new TossPaymentsGateway(
                        new TossPaymentsGateway.Settings(t.baseUrl(), t.secretKey(), t.connectTimeout(),
                                t.readTimeout()),
                        BillingKeys.of(t.billingKeys() == null ? Map.of() : t.billingKeys()));
            }
            default -> throw new IllegalArgumentException(
                    "gream.settlement.gateway.type must be simulated or toss, was " + properties.type());
        };
    }

    /** The guard as the worker uses it; outside Spring too (tests build it around a gateway of their own). */
    static GuardedPaymentGateway guarded(PaymentGateway gateway, GatewayProperties properties, MeterRegistry meters) {
        GatewayProperties.CircuitBreakerSettings breaker = properties.circuitBreaker();
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(breaker.failureRateThreshold())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.slidingWindowSize())
                .minimumNumberOfCalls(breaker.minimumNumberOfCalls())
                .waitDurationInOpenState(breaker.waitInOpenState())
                .build());
        GatewayProperties.RetrySettings retry = properties.retry();
        RetryConfig retryConfig = RetryConfig.custom()
                .maxAttempts(retry.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(retry.initialBackoff(), retry.multiplier()))
                .retryOnException(e -> e instanceof GatewayUnavailableException || e instanceof BulkheadFullException)
                .ignoreExceptions(CallNotPermittedException.class, ChargeOutcomeUnknownException.class)
                .build();
        RetryRegistry retries = RetryRegistry.of(retryConfig);
        BulkheadRegistry bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(properties.bulkhead().maxConcurrentCalls())
                .maxWaitDuration(properties.bulkhead().maxWait())
                .build());
        TimeLimiterRegistry limiters = TimeLimiterRegistry.of(TimeLimiterConfig.custom()
                .timeoutDuration(properties.timeLimit())
                .cancelRunningFuture(true)
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
        TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(limiters).bindTo(meters);
        return new GuardedPaymentGateway(gateway, limiters.timeLimiter(NAME), breakers.circuitBreaker(NAME),
                bulkheads.bulkhead(NAME), retries.retry(NAME + "-charge"), retries.retry(NAME + "-lookup"),
                meters);
    }
}
