package io.gream.stack;

import io.gream.contracts.Topic;
import io.gream.stack.kafka.GreamTopics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Docker cannot run here, so {@code docker-compose.yml} is checked for what can be checked without it: every Gream
 * service's environment names a real setting of that service, Kafka keeps 3 copies and needs 2 in sync with unclean
 * election off, the topic job creates every topic of {@code Topics} with its configs, every client logs in to Kafka
 * and each service as its own user with the ACLs of {@code deploy/kafka/acls.txt}, every long-running container
 * has a health check, there are 2 replicas of each service behind the balancer and in Prometheus, the replicas of
 * the ingress and of the notifier share their rate limits through Redis, the services with a database each have their
 * own (created by {@code deploy/mysql/init}), the notifier's stream passes nginx unbuffered,
 * and no secret is written into the file.
 */
class DeploymentComposeTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** Where each module's settings are declared; a module added to the compose file must be added here. */
    static final Map<String, List<String>> CONFIG_FILES = Map.of(
            "bid-engine", List.of("bid-engine/src/main/resources/bid-engine.yml"),
            "ingress-api", List.of("ingress-api/src/main/resources/application.yml"),
            "settlement-worker", List.of("settlement-worker/src/main/resources/settlement-worker.yml"),
            "notifier", List.of("notifier/src/main/resources/notifier.yml"));

    /**
     * Read by the JVM or by Spring Boot itself rather than declared in a service's yml; the Kafka login is Spring
     * Boot's own client settings, the same in every service.
     */
    static final Set<String> PLATFORM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "SPRING_PROFILES_ACTIVE", "SERVER_PORT",
            "SPRING_KAFKA_SECURITY_PROTOCOL", "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM",
            "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");

    private static final Pattern SECRET_NAME = Pattern.compile("PASSWORD|SECRET|TOKEN|CREDENTIAL|API_KEY|PRIVATE_KEY");
    /** {@code ${NAME}} or {@code ${NAME:?message}}: from the environment, no default that could leak into use. */
    private static final Pattern FROM_ENVIRONMENT = Pattern.compile("\\$\\{[A-Z0-9_]+(:\\?[^}]*)?}");
    /** A password inside a value (a JAAS login): {@code password="<value>"}. */
    private static final Pattern INLINE_PASSWORD = Pattern.compile("password=\"([^\"]*)\"");
    private static final Pattern JAAS_USER = Pattern.compile("username=\"([^\"]+)\"");

    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readComposeFile() throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            services = (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    @Test
    void everyEnvironmentVariableOfAGreamServiceNamesOneOfItsSettings() throws IOException {
        Map<String, List<String>> modules = greamServicesByModule();
        assertThat(modules).containsKeys("bid-engine", "ingress-api", "settlement-worker", "notifier");
        for (Map.Entry<String, List<String>> module : modules.entrySet()) {
            assertThat(CONFIG_FILES).as("config files of module " + module.getKey()).containsKey(module.getKey());
            Set<String> known = knownVariables(CONFIG_FILES.get(module.getKey()));
            for (String service : module.getValue()) {
                assertThat(environment(service).keySet()).as(service + " environment")
                        .allSatisfy(name -> assertThat(known).as(name + " of " + service).contains(name));
            }
        }
    }

    @Test
    void theSettingsCheckRejectsAMisspelledVariable() throws IOException {
        Set<String> known = knownVariables(CONFIG_FILES.get("bid-engine"));
        assertThat(known).contains("SPRING_KAFKA_BOOTSTRAP_SERVERS", "GREAM_ENGINE_TOPICS_REPLICATION_FACTOR",
                "GREAM_ENGINE_TOPICS_REPLICATIONFACTOR", "SPRING_KAFKA_STREAMS_PROPERTIES_NUM_STANDBY_REPLICAS",
                "GREAM_ENGINE_INTERNAL_TOKEN");
        assertThat(known).doesNotContain("GREAM_ENGINE_TOPICS_REPLICATON_FACTOR", "SPRING_KAFKA_BOOTSTRAP_SERVER",
                "GREAM_AUTH_HMAC_SECRET_KEY");
    }

    @Test
    void threeKafkaBrokersKeepThreeCopiesNeedTwoInSyncAndNeverElectAnOutOfSyncLeader() {
        List<String> brokers = services.keySet().stream()
                .filter(name -> String.valueOf(environment(name).get("KAFKA_PROCESS_ROLES")).contains("broker"))
                .toList();
        assertThat(brokers).hasSize(3);
        Set<String> nodeIds = new HashSet<>();
        for (String broker : brokers) {
            Map<String, String> env = environment(broker);
            assertThat(services.get(broker).get("image").toString()).startsWith("apache/kafka:");
            assertThat(env).containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
                    .containsEntry("KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE", "false")
                    .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2")
                    .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
            nodeIds.add(env.get("KAFKA_NODE_ID"));
            for (String other : brokers) {
                assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).contains("@" + other + ":9093");
            }
        }
        assertThat(nodeIds).hasSize(3);
    }

    @Test
    void theTopicJobCreatesEveryGreamTopicReplicatedWithItsRequiredConfigs() throws IOException {
        assertThat(String.valueOf(services.get("kafka-init").get("entrypoint"))).contains("/gream/kafka/init.sh");
        assertThat(String.valueOf(services.get("kafka-init").get("volumes"))).contains("./deploy/kafka:/gream/kafka");
        String job = Files.readString(ROOT.resolve("deploy/kafka/init.sh"));
        assertThat(job).contains("--replication-factor 3", "--config min.insync.replicas=2",
                "unclean.leader.election.enable=false", "--if-not-exists");
        for (Topic<?, ?> topic : GreamTopics.ALL) {
            String line = job.lines().filter(l -> l.trim().startsWith("create " + topic.name() + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError("kafka-init does not create " + topic.name()));
            topic.configs().forEach((key, value) -> assertThat(line).contains("--config " + key + "=" + value));
        }
        assertThat(greamServices()).allSatisfy(service -> assertThat(dependsOn(service)).contains("kafka-init"));
    }

    @Test
    void everyBrokerListenerNeedsALoginAndNothingIsAllowedWithoutAnAcl() {
        for (String broker : services.keySet().stream().filter(name -> name.startsWith("kafka-") && !isOneShotJob(name))
                .toList()) {
            Map<String, String> env = environment(broker);
            assertThat(env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(",")).as(broker)
                    .allSatisfy(listener -> assertThat(listener).endsWith(":SASL_PLAINTEXT"));
            assertThat(env).as(broker)
                    .containsEntry("KAFKA_LISTENER_NAME_CLIENT_SASL_ENABLED_MECHANISMS", "SCRAM-SHA-512")
                    .containsEntry("KAFKA_AUTHORIZER_CLASS_NAME",
                            "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                    .containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
                    .containsEntry("KAFKA_SUPER_USERS", "User:broker;User:admin");
            assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).startsWith("CLIENT://" + broker + ":9092,");
            assertThat(String.valueOf(services.get(broker).get("command"))).contains("/gream/kafka/broker.sh");
        }
    }

    @Test
    void everyGreamServiceLogsInToKafkaAsTheUserOfItsModuleWhoseAclsAndPasswordKafkaInitHas() throws IOException {
        ServiceAcls acls = ServiceAcls.read();
        Map<String, String> init = environment("kafka-init");
        for (Map.Entry<String, List<String>> module : greamServicesByModule().entrySet()) {
            String user = ServiceAcls.USERS.get(module.getKey());
            assertThat(user).as("Kafka user of module " + module.getKey()).isNotNull();
            assertThat(acls.users()).as("deploy/kafka/acls.txt grants " + user + " something").contains(user);
            String passwordVariable = "KAFKA_" + user.toUpperCase(Locale.ROOT).replace('-', '_') + "_PASSWORD";
            assertThat(init).as("kafka-init creates " + user).containsKey(passwordVariable);
            for (String service : module.getValue()) {
                Map<String, String> env = environment(service);
                assertThat(env).as(service)
                        .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                        .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512");
                String jaas = env.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
                assertThat(jaas).as(service).startsWith("org.apache.kafka.common.security.scram.ScramLoginModule ");
                Matcher login = JAAS_USER.matcher(jaas);
                assertThat(login.find()).as(service + " names its user").isTrue();
                assertThat(login.group(1)).as(service).isEqualTo(user);
                assertThat(jaas).as(service).contains("password=\"${" + passwordVariable + ":?");
            }
        }
        assertThat(acls.users()).as("no ACLs for a user nobody logs in as")
                .containsExactlyInAnyOrderElementsOf(ServiceAcls.USERS.values());
    }

    @Test
    void everyLongRunningContainerHasAHealthCheck() {
        for (String service : services.keySet()) {
            if (isOneShotJob(service)) {
                continue;
            }
            Map<?, ?> healthcheck = (Map<?, ?>) services.get(service).get("healthcheck");
            assertThat(healthcheck).as(service + " healthcheck").isNotNull();
            assertThat(String.valueOf(healthcheck.get("test"))).as(service).isNotBlank().doesNotContain("NONE");
        }
        assertThat(services.keySet().stream().filter(DeploymentComposeTest::isOneShotJob)).containsExactly("kafka-init");
    }

    @Test
    void noSecretIsWrittenIntoTheComposeFile() {
        for (String service : services.keySet()) {
            environment(service).forEach((name, value) -> {
                if (SECRET_NAME.matcher(name).find()) {
                    assertThat(value).as(service + " " + name + " must come from the environment, without default")
                            .matches(FROM_ENVIRONMENT);
                }
                Matcher password = INLINE_PASSWORD.matcher(value);
                while (password.find()) {
                    assertThat(password.group(1)).as(service + " " + name + ": a password in a login must come from "
                            + "the environment, without default").matches(FROM_ENVIRONMENT);
                }
            });
        }
    }

    @Test
    void twoReplicasOfEveryServiceStandbyEnginesAndBothIngressesBehindTheBalancerAndScraped() throws IOException {
        Map<String, List<String>> modules = greamServicesByModule();
        modules.forEach((module, replicas) -> assertThat(replicas).as(module).hasSizeGreaterThanOrEqualTo(2));
        for (String engine : modules.get("bid-engine")) {
            Map<String, String> env = environment(engine);
            assertThat(env.get("GREAM_ENGINE_ADVERTISED_HOST")).isEqualTo(services.get(engine).get("hostname"));
            assertThat(Integer.parseInt(env.get("SPRING_KAFKA_STREAMS_PROPERTIES_NUM_STANDBY_REPLICAS"))).isPositive();
            assertThat(env.get("GREAM_ENGINE_TOPICS_REPLICATION_FACTOR")).isEqualTo("3");
            assertThat(env.get("GREAM_ENGINE_TOPICS_MIN_INSYNC_REPLICAS")).isEqualTo("2");
        }
        String nginx = Files.readString(ROOT.resolve("deploy/nginx/nginx.conf"));
        for (String ingress : modules.get("ingress-api")) {
            assertThat(nginx).contains("server " + services.get(ingress).get("hostname") + ":8080");
            assertThat(environment(ingress).get("GREAM_ENGINE_URLS").split(","))
                    .containsExactlyInAnyOrderElementsOf(modules.get("bid-engine").stream()
                            .map(e -> "http://" + services.get(e).get("hostname") + ":8081").toList());
        }
        String prometheus = Files.readString(ROOT.resolve("deploy/prometheus/prometheus.yml"));
        assertThat(prometheus).contains("metrics_path: /actuator/prometheus");
        for (String service : greamServices()) {
            String port = String.valueOf(services.get(service).get("healthcheck")).replaceAll(".*localhost:(\\d+).*", "$1");
            assertThat(prometheus).as("Prometheus scrapes " + service)
                    .contains("\"" + services.get(service).get("hostname") + ":" + port + "\"");
        }
        for (String notifier : modules.get("notifier")) {
            assertThat(nginx).contains("server " + services.get(notifier).get("hostname") + ":8083");
        }
        assertThat(ROOT.resolve("deploy/grafana/dashboards/gream.json")).content()
                .contains("gream_engine_decisions_total", "gream_engine_close_lag_seconds_bucket",
                        "kafka_consumer_fetch_manager_records_lag_max", "settlement-worker",
                        // SettlementMetrics' gream.settlement.lag timer and settlements counter, Prometheus-named
                        "gream_settlement_lag_seconds_bucket", "gream_settlement_settlements_total",
                        "gream_notifier_notifications_total");
    }

    @Test
    void theReplicasOfTheIngressAndOfTheNotifierShareTheirRateLimitsThroughTheOneRedis() throws IOException {
        assertThat(services).containsKey("redis");
        Map<String, List<String>> modules = greamServicesByModule();
        for (String module : List.of("ingress-api", "notifier")) {
            assertThat(modules.get(module)).hasSizeGreaterThanOrEqualTo(2).allSatisfy(service ->
                    assertThat(environment(service)).as(service).containsEntry("GREAM_REDIS_URL", "redis://redis:6379"));
        }
    }

    @Test
    void theBalancerRefusesActuatorExactlyAndByPrefix() throws IOException {
        String nginx = Files.readString(ROOT.resolve("deploy/nginx/nginx.conf"));

        assertThat(block(nginx, "location = /actuator {")).contains("return 404;");
        assertThat(block(nginx, "location ^~ /actuator {")).as("a prefix match that no regex location overrides")
                .contains("return 404;");
    }

    @Test
    void theBalancerLimitsRequestsPerClientAddressFirstAndAnswersProblemJson() throws IOException {
        String nginx = Files.readString(ROOT.resolve("deploy/nginx/nginx.conf"));

        assertThat(nginx).containsPattern("limit_req_zone \\$binary_remote_addr zone=per_address:\\d+m rate=\\d+r/s;")
                .contains("limit_req_status 429;");
        String server = block(nginx, "server {");
        assertThat(server).contains("limit_req zone=per_address", "error_page 429 = @rate_limited;");
        assertThat(block(nginx, "location @rate_limited {")).contains("application/problem+json", "RATE_LIMITED");
    }

    @Test
    void theNotifierStreamPassesTheBalancerUnbufferedAndOutlivesItsHeartbeat() throws IOException {
        String nginx = Files.readString(ROOT.resolve("deploy/nginx/nginx.conf"));
        String stream = block(nginx, "location = /api/notifications/stream {");
        assertThat(stream).contains("proxy_pass http://notifier;", "proxy_buffering off;");
        Matcher timeout = Pattern.compile("proxy_read_timeout (\\d+)m;").matcher(stream);
        assertThat(timeout.find()).as("read timeout in minutes").isTrue();
        assertThat(Integer.parseInt(timeout.group(1))).as("beyond the notifier's 30 min stream timeout")
                .isGreaterThan(30);
        assertThat(block(nginx, "location /api/notifications {")).contains("proxy_pass http://notifier;");
        assertThat(block(nginx, "location /api/webhooks {")).contains("proxy_pass http://notifier;");
    }

    @Test
    void everyServiceWithADatabaseHasItsOwnDatabaseAndUserCreatedByTheInitScriptAndPasswordFromTheEnvironment()
            throws IOException {
        String init = Files.readString(ROOT.resolve("deploy/mysql/init/01-service-databases.sh"));
        assertThat(String.valueOf(services.get("mysql").get("volumes")))
                .contains("./deploy/mysql/init:/docker-entrypoint-initdb.d");
        Map<String, String> users = new LinkedHashMap<>();
        for (String service : greamServices()) {
            Map<String, String> env = environment(service);
            String url = env.get("SPRING_DATASOURCE_URL");
            if (url == null) {
                continue;
            }
            assertThat(url).as(service).startsWith("jdbc:mysql://mysql:3306/");
            String database = url.substring("jdbc:mysql://mysql:3306/".length());
            String user = env.get("SPRING_DATASOURCE_USERNAME");
            String password = env.get("SPRING_DATASOURCE_PASSWORD").replaceAll("^\\$\\{([A-Z0-9_]+).*", "$1");
            assertThat(init).as(service).contains("create " + database + " " + user + " \"${" + password + "}\"");
            assertThat(environment("mysql")).as("mysql gets " + password).containsKey(password);
            assertThat(dependsOn(service)).as(service).contains("mysql");
            String before = users.putIfAbsent(user, database);
            assertThat(before == null || before.equals(database)).as(user + " used for one database only").isTrue();
        }
        assertThat(users).as("user -> database: one each, none shared")
                .containsExactlyInAnyOrderEntriesOf(Map.of("settlement", "gream_settlement", "notifier", "gream_notifier"));
    }

    /** The text of an nginx block from its opening line to its closing brace. */
    private static String block(String config, String opening) {
        int start = config.indexOf(opening);
        assertThat(start).as(opening).isNotNegative();
        return config.substring(start, config.indexOf('}', start) + 1);
    }

    /** Service names built from a module of this repository, by module. */
    private static Map<String, List<String>> greamServicesByModule() {
        Map<String, List<String>> modules = new LinkedHashMap<>();
        for (String service : greamServices()) {
            Map<?, ?> build = (Map<?, ?>) services.get(service).get("build");
            String module = String.valueOf(((Map<?, ?>) build.get("args")).get("MODULE"));
            modules.computeIfAbsent(module, m -> new ArrayList<>()).add(service);
        }
        return modules;
    }

    private static List<String> greamServices() {
        return services.keySet().stream().filter(s -> services.get(s).get("build") != null).toList();
    }

    private static boolean isOneShotJob(String service) {
        return "no".equals(String.valueOf(services.get(service).get("restart")))
                && services.values().stream().anyMatch(other -> String.valueOf(other.get("depends_on"))
                .contains(service + "={condition=service_completed_successfully}"));
    }

    private static Set<String> dependsOn(String service) {
        Object dependsOn = services.get(service).get("depends_on");
        Set<String> names = new HashSet<>();
        if (dependsOn instanceof Map<?, ?> map) {
            map.keySet().forEach(name -> names.add(String.valueOf(name)));
        } else if (dependsOn instanceof List<?> list) {
            list.forEach(name -> names.add(String.valueOf(name)));
        }
        return names;
    }

    private static Map<String, String> environment(String service) {
        Object environment = services.get(service).get("environment");
        Map<String, String> env = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), String.valueOf(v)));
        } else if (environment instanceof List<?> list) {
            list.forEach(item -> {
                String entry = String.valueOf(item);
                int eq = entry.indexOf('=');
                env.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
            });
        }
        return env;
    }

    /**
     * The environment variables a service reads: those its yml files name in {@code ${VARIABLE:default}}
     * placeholders, and every declared property in Spring Boot's environment form (dots to {@code _}, dashes removed
     * or, the legacy form, turned to {@code _}, upper case), plus {@link #PLATFORM_VARIABLES}.
     */
    @SuppressWarnings("unchecked")
    static Set<String> knownVariables(List<String> configFiles) throws IOException {
        Set<String> known = new HashSet<>(PLATFORM_VARIABLES);
        Pattern placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
        for (String file : configFiles) {
            String text = Files.readString(ROOT.resolve(file));
            Matcher matcher = placeholder.matcher(text);
            while (matcher.find()) {
                known.add(matcher.group(1));
            }
            for (Object document : new Yaml().loadAll(text)) {
                List<String> keys = new ArrayList<>();
                flatten("", (Map<String, Object>) document, keys);
                for (String key : keys) {
                    String upper = key.replace('.', '_').toUpperCase(Locale.ROOT);
                    known.add(upper.replace("-", ""));
                    known.add(upper.replace('-', '_'));
                }
            }
        }
        return known;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> map, List<String> keys) {
        map.forEach((key, value) -> {
            String name = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(name, (Map<String, Object>) nested, keys);
            } else {
                keys.add(name);
            }
        });
    }
}
