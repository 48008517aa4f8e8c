package io.gream.engine;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Runs the bid-engine topology; start as many replicas as you like with the same application id. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BidEngineApplication {

    public static void main(String[] args) {
        builder().run(args);
    }

    /**
     * The application as {@link #main} starts it. Its settings are in {@code bid-engine.yml} rather than
     * {@code application.yml}, so the engine can share a classpath with other Gream services (system tests, a
     * one-process local stack) without their settings shadowing each other.
     */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(BidEngineApplication.class).properties("spring.config.name=bid-engine");
    }
}
