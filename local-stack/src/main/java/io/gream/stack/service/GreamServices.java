package io.gream.stack.service;

import io.gream.engine.BidEngineApplication;
import io.gream.ingress.IngressApplication;
import io.gream.notifier.NotifierApplication;
import io.gream.settlement.SettlementWorkerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The services of the local stack, in start order (each may call the ones before it); they stop in reverse order.
 *
 * <p>All run in the launcher's JVM, each in its own Spring context on its own port. They share one classpath, so
 * auto-configuration in each context sees every service's libraries. What each context turns off, and why:
 * <ul>
 *   <li>bid-engine and ingress-api have no database: {@link #NO_DATABASE}, so the JDBC, JPA and Flyway that the
 *       settlement-worker and notifier bring do not make them open a database or run migrations.</li>
 *   <li>the notifier uses plain JDBC: {@link #NO_JPA}, so the settlement-worker's Hibernate does not build an empty
 *       persistence unit (and a JPA transaction manager) over the notifier's database.</li>
 *   <li>springdoc is there for the ingress only: off in every other service.</li>
 * </ul>
 * Each service keeps its settings in its own yml ({@code bid-engine.yml}, {@code settlement-worker.yml},
 * {@code notifier.yml}; the ingress {@code application.yml}) and scans only its own package, and the notifier's
 * Flyway migrations live in {@code db/migration/notifier}, so no context reads another's settings or schema.
 *
 * <p>To add a service: add its module as a dependency of local-stack and one {@link ServiceDefinition} here.
 */
public final class GreamServices {

    /** Auto-configurations of a database, for services that have none (Spring Boot 4 class names). */
    static final String NO_DATABASE = String.join(",",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration");

    /** Auto-configurations of JPA, for a service that uses JDBC alone (the notifier). */
    static final String NO_JPA = String.join(",",
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration");

    /**
     * The ingress's public development signing key (its {@code application-local.yml}), so the notifier accepts the
     * development tokens the ingress issues. Never a secret: development tokens refuse to run with one from the
     * environment.
     */
    static final String LOCAL_SIGNING_KEY = "Z3JlYW0tbG9jYWwtZGV2ZWxvcG1lbnQta2V5LTMyYnl0ZXMh";

    /**
     * The token the ingress shows the engine's internal API ({@code gream.engine.internal-token}): drawn at random
     * for each launch, since both services run in this JVM and nothing else needs it.
     */
    static final String INTERNAL_TOKEN = HexFormat.of().formatHex(randomBytes(24));

    public static final ServiceDefinition BID_ENGINE = new ServiceDefinition(
            // Ready when Kafka Streams is RUNNING: its readiness probe is also UP while REBALANCING (right to keep
            // a replica in the load balancer), but the stack is ready only when every auction can be read.
            "bid-engine", "engine", 8081, BidEngineApplication::builder, "/actuator/health/kafkaStreams",
            "\"state\":\"RUNNING\"",
            stack -> Map.ofEntries(
                    Map.entry("spring.kafka.bootstrap-servers", stack.bootstrapServers()),
                    // state stores under <data-dir>/bid-engine/state (bid-engine.yml derives it from gream.data-dir)
                    Map.entry("gream.data-dir", stack.dir("")),
                    Map.entry("gream.engine.topics.partitions", String.valueOf(stack.partitions())),
                    Map.entry("gream.engine.topics.replication-factor", "1"),
                    Map.entry("gream.engine.topics.min-insync-replicas", "1"),
                    Map.entry("gream.engine.internal-token", INTERNAL_TOKEN),
                    // the readiness check above reads the Kafka Streams state; this port is on this machine only
                    Map.entry("management.endpoint.health.show-details", "always"),
                    // one instance: a standby copy has nowhere to live, and asking for one only logs warnings
                    Map.entry("spring.kafka.streams.properties.num.standby.replicas", "0"),
                    // springdoc is on the shared classpath for the ingress; the engine's API is internal
                    Map.entry("springdoc.api-docs.enabled", "false"),
                    Map.entry("springdoc.swagger-ui.enabled", "false"),
                    Map.entry("spring.autoconfigure.exclude", NO_DATABASE)));

    public static final ServiceDefinition INGRESS_API = new ServiceDefinition(
            "ingress-api", "ingress", 8080, () -> new SpringApplicationBuilder(IngressApplication.class),
            "/actuator/health/readiness", "",
            stack -> Map.of(
                    // development tokens (POST /api/dev/tokens) and the public development signing key: the local
                    // profile and the switch, both deliberate
                    "spring.profiles.active", "local",
                    "gream.auth.dev-tokens.enabled", "true",
                    "spring.kafka.bootstrap-servers", stack.bootstrapServers(),
                    "gream.ingress.engine-urls", stack.url(BID_ENGINE.name()),
                    // the marketplace page reads notifications from the notifier's port (allowed by its CORS below)
                    "gream.web.notifications-url", stack.urlOrEmpty(GreamServices.NOTIFIER.name()),
                    "gream.ingress.engine-token", INTERNAL_TOKEN,
                    "spring.autoconfigure.exclude", NO_DATABASE));

    public static final ServiceDefinition SETTLEMENT_WORKER = new ServiceDefinition(
            // Ready: started (migrations done, consumer running) and its database answers.
            "settlement-worker", "settlement", 8082, SettlementWorkerApplication::builder,
            "/actuator/health/readiness", "",
            stack -> Map.ofEntries(
                    Map.entry("spring.kafka.bootstrap-servers", stack.bootstrapServers()),
                    // the ledger: <data-dir>/h2/settlement.mv.db
                    Map.entry("spring.datasource.url", stack.h2Url("settlement")),
                    Map.entry("spring.datasource.username", "sa"),
                    Map.entry("spring.datasource.password", ""),
                    Map.entry("gream.settlement.topics.partitions", String.valueOf(stack.partitions())),
                    Map.entry("gream.settlement.topics.replication-factor", "1"),
                    Map.entry("gream.settlement.topics.min-insync-replicas", "1"),
                    Map.entry("management.endpoint.health.group.readiness.include", "readinessState,db"),
                    Map.entry("management.endpoint.health.group.readiness.show-components", "always"),
                    Map.entry("springdoc.api-docs.enabled", "false"),
                    Map.entry("springdoc.swagger-ui.enabled", "false")));

    public static final ServiceDefinition NOTIFIER = new ServiceDefinition(
            // Ready: started (migrations done, consumer running) and its database answers.
            "notifier", "notifier", 8083, NotifierApplication::builder, "/actuator/health/readiness", "",
            stack -> Map.ofEntries(
                    // webhooks may go to this machine (e.g. a receiver on http://localhost:9000): development only
                    Map.entry("spring.profiles.active", "local"),
                    Map.entry("spring.kafka.bootstrap-servers", stack.bootstrapServers()),
                    // the inbox and webhooks: <data-dir>/h2/notifier.mv.db
                    Map.entry("spring.datasource.url", stack.h2Url("notifier")),
                    Map.entry("spring.datasource.username", "sa"),
                    Map.entry("spring.datasource.password", ""),
                    Map.entry("gream.auth.hmac-secret", LOCAL_SIGNING_KEY),
                    // the marketplace page, served by the ingress, reads the inbox from the browser
                    Map.entry("gream.notifier.cors.allowed-origins", stack.url(INGRESS_API.name()) + ","
                            + stack.url(INGRESS_API.name()).replace("//localhost:", "//127.0.0.1:")),
                    Map.entry("management.endpoint.health.group.readiness.include", "readinessState,db"),
                    Map.entry("management.endpoint.health.group.readiness.show-components", "always"),
                    Map.entry("springdoc.api-docs.enabled", "false"),
                    Map.entry("springdoc.swagger-ui.enabled", "false"),
                    Map.entry("spring.autoconfigure.exclude", NO_JPA)));

    /** Every service of the local stack, in start order. */
    public static final List<ServiceDefinition> ALL = List.of(BID_ENGINE, INGRESS_API, SETTLEMENT_WORKER, NOTIFIER);

    private GreamServices() {
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
