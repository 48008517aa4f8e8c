package io.gream.drill;

import io.gream.childjvm.ChildJvm;
import io.gream.childjvm.ExecJars;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Where every process of the drill cluster lives: its loopback port, its data directory, its log file and the
 * command line that starts it. Derived from the cluster directory and a base port alone, so the launcher that
 * starts the cluster and the drill that kills and restarts its processes (possibly another JVM) agree on all of it.
 *
 * <p>Ports, from {@code basePort} B: Kafka node n (1..3) on B+90+n, its controller listener on B+190+n; bid-engine
 * n on B+100+n; ingress-api n on B+200+n; settlement-worker n on B+300+n; the notifier on B+401.
 */
record ClusterLayout(Path dir, int basePort, List<String> engineArgs) {

    static final String HOST = "localhost";
    static final int PARTITIONS = 12;
    static final int KAFKA_NODES = 3;
    static final int ENGINES = 3;
    static final int INGRESSES = 2;
    static final int SETTLEMENT_WORKERS = 2;
    /** The ingress local profile's documented development key; the notifier must verify the same tokens. */
    /** The engines' internal token, shared with the ingresses; as public as the key above (loopback only). */
    static final String INTERNAL_TOKEN = "gream-drill-internal-token";
    static final String DEV_HMAC_SECRET = "Z3JlYW0tbG9jYWwtZGV2ZWxvcG1lbnQta2V5LTMyYnl0ZXMh";
    static final String SETTLEMENT_DB = "gream_drill_settlement";
    static final String NOTIFIER_DB = "gream_drill_notifier";
    static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/";

    ClusterLayout {
        dir = dir.toAbsolutePath().normalize();
        engineArgs = List.copyOf(engineArgs);
    }

    ClusterLayout(Path dir, int basePort) {
        this(dir, basePort, List.of());
    }

    /** The kinds of process, in start order. */
    enum Kind {
        KAFKA("drill"), ENGINE("bid-engine"), INGRESS("ingress-api"), SETTLEMENT("settlement-worker"),
        NOTIFIER("notifier");

        private final String module;

        Kind(String module) {
            this.module = module;
        }

        /** The runnable jar of the module this kind of process runs. */
        Path jar() {
            return ExecJars.find(module);
        }
    }

    /** One process: its name ({@code kafka-1}, {@code bid-engine-2}, ...), how to start it and where it answers. */
    record Node(String name, Kind kind, int index, List<String> command, Path log, int port, String readyPath) {

        String url() {
            return "http://" + HOST + ":" + port;
        }
    }

    Path logs() {
        return dir.resolve("logs");
    }

    Path pids() {
        return dir.resolve("pids");
    }

    Path clusterIdFile() {
        return dir.resolve("cluster-id");
    }

    Path kafkaLogDir(int node) {
        return dir.resolve("data").resolve("kafka-" + node);
    }

    int kafkaPort(int node) {
        return basePort + 90 + node;
    }

    int controllerPort(int node) {
        return basePort + 190 + node;
    }

    String kafkaBootstrap(int node) {
        return HOST + ":" + kafkaPort(node);
    }

    String bootstrapServers() {
        return IntStream.rangeClosed(1, KAFKA_NODES).mapToObj(this::kafkaBootstrap).collect(Collectors.joining(","));
    }

    String controllerQuorumVoters() {
        return IntStream.rangeClosed(1, KAFKA_NODES).mapToObj(n -> n + "@" + HOST + ":" + controllerPort(n))
                .collect(Collectors.joining(","));
    }

    List<String> ingressUrls() {
        return nodes(Kind.INGRESS).stream().map(Node::url).toList();
    }

    List<Node> nodes(Kind kind) {
        return all().stream().filter(n -> n.kind() == kind).toList();
    }

    Optional<Node> node(String name) {
        return all().stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** Every process of the cluster, in start order. */
    List<Node> all() {
        List<Node> nodes = new ArrayList<>();
        for (int n = 1; n <= KAFKA_NODES; n++) {
            nodes.add(new Node("kafka-" + n, Kind.KAFKA, n, java(Kind.KAFKA.jar(), "512m",
                    List.of("kafka-node", "--dir=" + dir, "--base-port=" + basePort, "--node=" + n)),
                    log("kafka-" + n), kafkaPort(n), null));
        }
        String engineUrls = IntStream.rangeClosed(1, ENGINES).mapToObj(n -> "http://" + HOST + ":" + enginePort(n))
                .collect(Collectors.joining(","));
        for (int n = 1; n <= ENGINES; n++) {
            Path data = dir.resolve("data").resolve("bid-engine-" + n);
            nodes.add(new Node("bid-engine-" + n, Kind.ENGINE, n, service(Kind.ENGINE.jar(), "512m", List.of(
                    "--server.port=" + enginePort(n),
                    "--spring.kafka.bootstrap-servers=" + bootstrapServers(),
                    "--gream.data-dir=" + data,
                    "--spring.kafka.streams.state-dir=" + data.resolve("state"),
                    "--gream.engine.advertised-host=" + HOST,
                    "--gream.engine.internal-token=" + INTERNAL_TOKEN,
                    // FaultSchedule reads the Kafka Streams state off the health details
                    "--management.endpoint.health.show-details=always"), engineArgs),
                    log("bid-engine-" + n), enginePort(n), "/actuator/health/readiness"));
        }
        for (int n = 1; n <= INGRESSES; n++) {
            int port = basePort + 200 + n;
            nodes.add(new Node("ingress-api-" + n, Kind.INGRESS, n, service(Kind.INGRESS.jar(), "384m", List.of(
                    "--spring.profiles.active=local",
                    "--server.port=" + port,
                    "--spring.kafka.bootstrap-servers=" + bootstrapServers(),
                    "--gream.ingress.engine-urls=" + engineUrls,
                    "--gream.ingress.engine-token=" + INTERNAL_TOKEN,
                    "--gream.auth.dev-tokens.enabled=true",
                    // the load's tokens must outlast a full-size run (an hour of bidding plus set-up and checks)
                    "--gream.auth.max-lifetime=24h",
                    "--gream.ingress.rate-limit.requests-per-period=1000000",
                    "--gream.ingress.rate-limit.anonymous-requests-per-period=1000000",
                    "--springdoc.api-docs.enabled=false",
                    "--springdoc.swagger-ui.enabled=false")),
                    log("ingress-api-" + n), port, "/actuator/health/readiness"));
        }
        for (int n = 1; n <= SETTLEMENT_WORKERS; n++) {
            int port = basePort + 300 + n;
            nodes.add(new Node("settlement-worker-" + n, Kind.SETTLEMENT, n, service(Kind.SETTLEMENT.jar(),
                    "384m", List.of(
                            "--server.port=" + port,
                            "--spring.kafka.bootstrap-servers=" + bootstrapServers(),
                            "--gream.data-dir=" + dir.resolve("data").resolve("settlement-worker-" + n),
                            "--spring.datasource.url=" + MARIADB + SETTLEMENT_DB,
                            "--spring.datasource.username=root",
                            "--spring.datasource.password=",
                            // A slower provider (200 ms a charge instead of 20 ms): a worker is mid-batch most of
                            // the time auctions are closing, so the kill -9 lands between charge and record.
                            "--gream.settlement.gateway.simulated.latency=200ms")),
                    log("settlement-worker-" + n), port, "/actuator/health/readiness"));
        }
        int notifierPort = basePort + 401;
        nodes.add(new Node("notifier-1", Kind.NOTIFIER, 1, service(Kind.NOTIFIER.jar(), "384m", List.of(
                "--spring.profiles.active=local",
                "--server.port=" + notifierPort,
                "--spring.kafka.bootstrap-servers=" + bootstrapServers(),
                "--gream.data-dir=" + dir.resolve("data").resolve("notifier-1"),
                "--gream.auth.hmac-secret=" + DEV_HMAC_SECRET,
                "--spring.datasource.url=" + MARIADB + NOTIFIER_DB,
                "--spring.datasource.username=root",
                "--spring.datasource.password=")),
                log("notifier-1"), notifierPort, "/actuator/health/readiness"));
        return nodes;
    }

    int enginePort(int node) {
        return basePort + 100 + node;
    }

    private Path log(String name) {
        return logs().resolve(name + ".log");
    }

    /** Where each Spring service's extracted jar and class data sharing archive are kept. */
    StartupArchives archives() {
        return new StartupArchives(dir);
    }

    private List<String> service(Path jar, String heap, List<String> args, List<String> extra) {
        List<String> all = new ArrayList<>(args);
        all.addAll(extra);
        return service(jar, heap, all);
    }

    /**
     * A Spring service: from its extracted jar with its startup archive when {@link StartupArchives} has made them.
     * (The C1 compiler alone would halve a restart's CPU again, but at 100 bids/s the engines then spent most of
     * both cores answering long polls.)
     */
    private List<String> service(Path jar, String heap, List<String> args) {
        StartupArchives archives = archives();
        return java(archives.jar(jar), heap, archives.options(jar), args);
    }

    private static List<String> java(Path jar, String heap, List<String> args) {
        return java(jar, heap, List.of(), args);
    }

    private static List<String> java(Path jar, String heap, List<String> options, List<String> args) {
        List<String> jvmOptions = new ArrayList<>(List.of("-Xmx" + heap, "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError"));
        jvmOptions.addAll(options);
        return ChildJvm.command(jar, jvmOptions, args);
    }
}
