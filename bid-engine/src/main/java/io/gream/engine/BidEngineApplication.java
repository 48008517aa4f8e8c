package io.gream.engine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Runs the bid-engine topology; start as many replicas as you like with the same application id. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BidEngineApplication {

    public static void main(String[] args) {
        SpringApplication.run(BidEngineApplication.class, args);
    }
}
