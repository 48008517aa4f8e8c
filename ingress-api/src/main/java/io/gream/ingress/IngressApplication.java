package io.gream.ingress;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** Starts the ingress: a stateless Spring MVC application, any number of replicas behind a load balancer. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IngressApplication {

    public static void main(String[] args) {
        SpringApplication.run(IngressApplication.class, args);
    }

    /** The one clock for token expiry and request checks (end times), so tests can reason about both. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
