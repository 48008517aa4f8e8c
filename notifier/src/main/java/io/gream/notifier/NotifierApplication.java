package io.gream.notifier;

import io.gream.auth.AuthConfiguration;
import io.gream.support.json.StrictJsonConfiguration;
import io.gream.support.kafka.ConsumerPolicyConfiguration;
import io.gream.support.problem.ProblemJsonConfiguration;
import io.gream.support.ratelimit.RateLimitConfiguration;
import io.gream.support.ratelimit.RateLimitScope;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Clock;

/**
 * Runs the notifier: consumes auction and settlement events into per-user inboxes, streams them (SSE) and delivers
 * them to webhooks. Any number of replicas share the consumer group and the database.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
// bearer tokens, verified as at the ingress (web-auth); problem+json answers, strict request bodies and rate limits,
// as at the ingress, and the event consumers' policy, as in the settlement-worker (service-support)
@Import({AuthConfiguration.class, ProblemJsonConfiguration.class, StrictJsonConfiguration.class,
        RateLimitConfiguration.class, ConsumerPolicyConfiguration.class})
public class NotifierApplication {

    public static void main(String[] args) {
        builder().run(args);
    }

    /**
     * The application as {@link #main} starts it. Its settings are in {@code notifier.yml} (and
     * {@code notifier-<profile>.yml}) rather than {@code application.yml}, so it can share a classpath with other
     * Gream services (a one-process local stack, system tests) without their settings shadowing each other.
     */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(NotifierApplication.class).properties("spring.config.name=notifier");
    }

    /** Names the rate limits: settings {@code gream.notifier.rate-limit.*}, meters {@code gream.notifier.rate.*}. */
    @Bean
    RateLimitScope rateLimitScope() {
        return new RateLimitScope("notifier");
    }

    /** The one clock for token expiry, inbox times and delivery scheduling. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
