package io.gream.lockingbaseline;

import io.gream.auth.AuthConfiguration;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * The lock-based bid service that {@code perf} sets beside Gream: Spring MVC on Tomcat, HikariCP, one row lock per
 * bid. Its schema is created at start in the database its URL names. It has no way to open auctions over HTTP:
 * the benchmark inserts them into its tables before a phase.
 */
@SpringBootApplication
@Import(AuthConfiguration.class)
public class LockingBaselineApplication {

    public static void main(String[] args) {
        SpringApplication.run(LockingBaselineApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    LockingBidService lockingBidService(DataSource dataSource) {
        return new LockingBidService(dataSource);
    }

    @Bean
    ApplicationRunner schema(LockingBidService service) {
        return args -> service.createSchema();
    }
}
