package io.gream.ingress;

import io.gream.auth.AuthConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Clock;

/** Starts the ingress: a stateless Spring MVC application, any number of replicas behind a load balancer. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(AuthConfiguration.class) // bearer-token verification, shared with the other services (web-auth)
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
