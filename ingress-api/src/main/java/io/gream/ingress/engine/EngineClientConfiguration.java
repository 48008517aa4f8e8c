package io.gream.ingress.engine;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Builds the engine client: one JDK {@link HttpClient}, two read timeouts, breakers and retry with metrics. */
@Configuration(proxyBeanMethods = false)
class EngineClientConfiguration {

    static final String TOKEN_HEADER = "X-Gream-Internal-Token";

    /** Schedules asynchronous retries after their back-off; the work itself runs on the HTTP client. */
    private static final ScheduledExecutorService RETRIES = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "engine-client-retry");
        thread.setDaemon(true);
        return thread;
    });

    @Bean
    CircuitBreakerRegistry engineCircuitBreakers(EngineClientProperties properties, MeterRegistry meters) {
        CircuitBreakerRegistry registry = circuitBreakers(properties.engine().circuitBreaker());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        return registry;
    }

    @Bean
    EngineClient engineClient(EngineClientProperties properties, RestClient.Builder restClients, CircuitBreakerRegistry engineCircuitBreakers,
                              MeterRegistry meters) {
        RetryRegistry retries = RetryRegistry.ofDefaults();
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
        return client(properties, restClients, engineCircuitBreakers, retries);
    }

    /** The client, outside Spring too (tests build it against a local HTTP server). */
    static EngineClient client(EngineClientProperties properties, RestClient.Builder restClients,
                               CircuitBreakerRegistry breakers, RetryRegistry retries) {
        EngineClientProperties.Engine engine = properties.engine();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // the engine speaks plain HTTP/1.1; no h2c upgrade dance
                .connectTimeout(engine.connectTimeout())
                .build();
        RestClient.Builder toEngines = restClients.clone();
        if (!properties.engineToken().isEmpty()) {
            toEngines.defaultHeader(TOKEN_HEADER, properties.engineToken());
        }
        RestClient quick = toEngines.clone().requestFactory(factory(http, engine.readTimeout())).build();
        Retry retry = retries.retry("bid-engine", RetryConfig.custom()
                .maxAttempts(engine.attempts())
                .waitDuration(engine.retryBackoff())
                .retryOnException(e -> {
                    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    return cause instanceof EngineClient.InstanceFailure || cause instanceof CallNotPermittedException;
                })
                .build());
        return new EngineClient(properties.engineUrls(), quick, http, properties.engineToken(),
                engine.readTimeout(), RETRIES, breakers, retry, engine.retryAfter());
    }

    /**
     * Per-instance breakers. They move from open to half-open by themselves once {@code wait-in-open-state} is
     * over: the client passes over an instance whose breaker is open, so a breaker that waited for a call to
     * notice its wait was over would stay open while any other instance is up.
     */
    static CircuitBreakerRegistry circuitBreakers(EngineClientProperties.CircuitBreaker settings) {
        return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                .waitDurationInOpenState(settings.waitInOpenState())
                .recordException(e -> e instanceof EngineClient.InstanceFailure
                        || e instanceof CompletionException && e.getCause() instanceof EngineClient.InstanceFailure)
                .build());
    }

    private static JdkClientHttpRequestFactory factory(HttpClient http, Duration readTimeout) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(readTimeout);
        return factory;
    }
}
