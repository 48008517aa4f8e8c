package io.gream.stack.service;

import io.gream.engine.BidEngineApplication;
import io.gream.ingress.IngressApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.List;
import java.util.Map;

/**
 * The services of the local stack, in start order (each may call the ones before it); they stop in reverse order.
 *
 * <p>All run in the launcher's JVM, each in its own Spring context on its own port. They share one classpath, so
 * auto-configuration in each context sees every service's libraries: a service that has no database excludes the
 * database auto-configurations ({@link #NO_DATABASE}) so that, once settlement-worker and notifier bring JDBC, JPA
 * and Flyway onto the classpath, the engine and the ingress do not try to open a database or run their migrations.
 *
 * <p>To add a service: add its module as a dependency of local-stack and one {@link ServiceDefinition} here, e.g.
 * <pre>{@code
 * new ServiceDefinition("settlement-worker", "settlement", 8082, SettlementWorkerApplication::builder,
 *         "/actuator/health/readiness", "", stack -> Map.of(
 *                 "spring.kafka.bootstrap-servers", stack.bootstrapServers(),
 *                 "spring.datasource.url", stack.h2Url("settlement"),
 *                 "spring.datasource.username", "sa",
 *                 "spring.datasource.password", ""))
 * }</pre>
 */
public final class GreamServices {

    /** Auto-configurations of a database, for services that have none (Spring Boot 4 class names). */
    static final String NO_DATABASE = String.join(",",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration");

    public static final ServiceDefinition BID_ENGINE = new ServiceDefinition(
            // Ready when Kafka Streams is RUNNING: its readiness probe is also UP while REBALANCING (right to keep
            // a replica in the load balancer), but the stack is ready only when every auction can be read.
            "bid-engine", "engine", 8081, BidEngineApplication::builder, "/actuator/health/kafkaStreams",
            "\"state\":\"RUNNING\"",
            stack -> Map.of(
                    "spring.kafka.bootstrap-servers", stack.bootstrapServers(),
                    // state stores under <data-dir>/bid-engine/state (bid-engine.yml derives it from gream.data-dir)
                    "gream.data-dir", stack.dir(""),
                    "gream.engine.topics.partitions", String.valueOf(stack.partitions()),
                    "gream.engine.topics.replication-factor", "1",
                    "gream.engine.topics.min-insync-replicas", "1",
                    // one instance: a standby copy has nowhere to live, and asking for one only logs warnings
                    "spring.kafka.streams.properties.num.standby.replicas", "0",
                    // springdoc is on the shared classpath for the ingress; the engine's API is internal
                    "springdoc.api-docs.enabled", "false",
                    "springdoc.swagger-ui.enabled", "false",
                    "spring.autoconfigure.exclude", NO_DATABASE));

    public static final ServiceDefinition INGRESS_API = new ServiceDefinition(
            "ingress-api", "ingress", 8080, () -> new SpringApplicationBuilder(IngressApplication.class),
            "/actuator/health/readiness", "",
            stack -> Map.of(
                    // development tokens (POST /api/dev/tokens) and the public development signing key
                    "spring.profiles.active", "local",
                    "spring.kafka.bootstrap-servers", stack.bootstrapServers(),
                    "gream.ingress.engine-urls", stack.url(BID_ENGINE.name()),
                    "spring.autoconfigure.exclude", NO_DATABASE));

    // settlement-worker (8082) and notifier (8083) join here, after BID_ENGINE: see the class comment.

    /** Every service of the local stack, in start order. */
    public static final List<ServiceDefinition> ALL = List.of(BID_ENGINE, INGRESS_API);

    private GreamServices() {
    }
}
