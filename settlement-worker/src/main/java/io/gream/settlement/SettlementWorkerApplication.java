package io.gream.settlement;

import io.gream.support.kafka.ConsumerPolicyConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** Settles sold auctions; start as many replicas as you like, they share the consumer group. */
@SpringBootApplication
@ConfigurationPropertiesScan
// the event consumers' policy, as in the notifier: committed reads, per-record commits, dead letters (service-support)
@Import(ConsumerPolicyConfiguration.class)
public class SettlementWorkerApplication {

    public static void main(String[] args) {
        builder().run(args);
    }

    /**
     * The application as {@link #main} starts it. Its settings are in {@code settlement-worker.yml} rather than
     * {@code application.yml}, so the worker can share a classpath with other Gream services (system tests, a
     * one-process local stack) without their settings shadowing each other.
     */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(SettlementWorkerApplication.class)
                .properties("spring.config.name=settlement-worker");
    }
}
