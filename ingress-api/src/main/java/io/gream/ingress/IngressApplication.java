package io.gream.ingress;

import io.gream.auth.AuthConfiguration;
import io.gream.marketplace.WebConfiguration;
import io.gream.support.json.StrictJsonConfiguration;
import io.gream.support.problem.ProblemJsonConfiguration;
import io.gream.support.ratelimit.RateLimitConfiguration;
import io.gream.support.ratelimit.RateLimitScope;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Clock;

/** Starts the ingress: a stateless Spring MVC application, any number of replicas behind a load balancer. */
@SpringBootApplication
@ConfigurationPropertiesScan
// bearer-token verification (web-auth); problem+json answers, strict request bodies and rate limits, as in the other
// services (service-support); the marketplace page (web)
@Import({AuthConfiguration.class, ProblemJsonConfiguration.class, StrictJsonConfiguration.class,
        RateLimitConfiguration.class, WebConfiguration.class})
public class IngressApplication {

    /** Set before anything starts the common pool; an explicit {@code -D} of the same property wins. */
    static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    public static void main(String[] args) {
        // On a machine with 1 or 2 cores the common pool has a parallelism of 1, and CompletableFuture then runs
        // every default-executor async task on a new thread. The JDK HttpClient completes each sendAsync response
        // that way, so every engine answer started a thread (10,877 in a 3-minute benchmark; under overload the
        // ingress died of OutOfMemoryError creating them). Two keeps the common pool in use at any core count.
        if (System.getProperty(COMMON_POOL_PARALLELISM) == null) {
            System.setProperty(COMMON_POOL_PARALLELISM,
                    String.valueOf(Math.max(2, Runtime.getRuntime().availableProcessors() - 1)));
        }
        SpringApplication.run(IngressApplication.class, args);
    }

    /** Names the rate limits: settings {@code gream.ingress.rate-limit.*}, meters {@code gream.ingress.rate.*}. */
    @Bean
    RateLimitScope rateLimitScope() {
        return new RateLimitScope("ingress");
    }

    /** The one clock for token expiry and request checks (end times), so tests can reason about both. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
