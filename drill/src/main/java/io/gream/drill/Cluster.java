package io.gream.drill;

import io.gream.contracts.Topic;
import io.gream.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Starts and stops the whole drill cluster: three Kafka nodes, then the Gream topics (replication factor 3,
 * {@code min.insync.replicas=2}), then 3 bid-engines, 2 ingress-apis, 2 settlement-workers and a notifier, each in
 * its own JVM on its own loopback port. {@link #up} starts from nothing: it wipes the cluster directory's data and
 * recreates the two MariaDB databases, so every drill verifies one clean history.
 */
final class Cluster {

    private final ClusterLayout layout;
    private final Processes processes;

    Cluster(ClusterLayout layout) {
        this.layout = layout;
        this.processes = new Processes(layout);
    }

    Processes processes() {
        return processes;
    }

    void up() throws Exception {
        for (ClusterLayout.Node node : layout.all()) {
            if (processes.isAlive(node)) {
                throw new IllegalStateException(node.name() + " is running; run 'gream-drill cluster-down' first");
            }
            requireFreePort(node);
        }
        deleteData();
        Files.createDirectories(layout.logs());
        String clusterId = Uuid.randomUuid().toString();
        Files.writeString(layout.clusterIdFile(), clusterId);
        recreateDatabases();
        long began = System.nanoTime();
        for (ClusterLayout.Node node : layout.nodes(ClusterLayout.Kind.KAFKA)) {
            processes.start(node);
        }
        for (ClusterLayout.Node node : layout.nodes(ClusterLayout.Kind.KAFKA)) {
            processes.awaitReady(node, Duration.ofSeconds(90));
        }
        createTopics();
        say("kafka ready: " + layout.bootstrapServers());
        prepareStartupArchives();
        for (ClusterLayout.Kind kind : List.of(ClusterLayout.Kind.ENGINE, ClusterLayout.Kind.INGRESS,
                ClusterLayout.Kind.SETTLEMENT, ClusterLayout.Kind.NOTIFIER)) {
            List<ClusterLayout.Node> nodes = layout.nodes(kind);
            nodes.forEach(processes::start);
            for (ClusterLayout.Node node : nodes) {
                processes.awaitReady(node, Duration.ofSeconds(240));
                say(node.name() + " ready at " + node.url());
            }
        }
        say("cluster up in %d s; logs in %s".formatted((System.nanoTime() - began) / 1_000_000_000L, layout.logs()));
        say("ingress: " + String.join(" ", layout.ingressUrls()));
    }

    void down() {
        List<ClusterLayout.Node> nodes = new ArrayList<>(layout.all());
        java.util.Collections.reverse(nodes);
        for (ClusterLayout.Node node : nodes) {
            if (processes.isAlive(node)) {
                processes.stop(node, Duration.ofSeconds(node.kind() == ClusterLayout.Kind.KAFKA ? 30 : 20));
                say(node.name() + " stopped");
            }
        }
    }

    void status() {
        for (ClusterLayout.Node node : layout.all()) {
            String state = processes.handle(node).map(p -> "pid " + p.pid() + (processes.ready(node) ? " ready"
                    : " not ready")).orElse("down");
            say("%-20s %-6d %s".formatted(node.name(), node.port(), state));
        }
    }

    /** Restarts a node that was killed, keeping its data, and waits until it is ready again. */
    void restart(ClusterLayout.Node node, Duration timeout) {
        processes.start(node);
        processes.awaitReady(node, timeout);
    }

    /** Extracts each service's jar and records its startup archive, when its jar changed since the last time. */
    private void prepareStartupArchives() throws IOException, InterruptedException {
        StartupArchives archives = layout.archives();
        for (ClusterLayout.Kind kind : List.of(ClusterLayout.Kind.ENGINE, ClusterLayout.Kind.INGRESS,
                ClusterLayout.Kind.SETTLEMENT, ClusterLayout.Kind.NOTIFIER)) {
            if (!archives.isCurrent(kind.jar())) {
                long began = System.nanoTime();
                Path log = layout.logs().resolve(kind.name().toLowerCase(Locale.ROOT) + "-archive.log");
                archives.extract(kind.jar(), log);
                archives.train(layout.nodes(kind).get(0).command(), log);
                say("startup archive for %s recorded in %d s".formatted(kind.jar().getFileName(),
                        (System.nanoTime() - began) / 1_000_000_000L));
            }
        }
    }

    private void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, layout.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size() < ClusterLayout.KAFKA_NODES) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the three Kafka nodes did not form a cluster within 60 s");
                }
                LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
            }
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> topics = new ArrayList<>();
            for (Topic<?, ?> topic : List.of(Topics.AUCTION_COMMANDS, Topics.AUCTION_EVENTS,
                    Topics.SETTLEMENT_COMMANDS, Topics.SETTLEMENT_EVENTS, Topics.DEAD_LETTERS)) {
                if (!existing.contains(topic.name())) {
                    Map<String, String> configs = new HashMap<>(topic.configs());
                    configs.put("min.insync.replicas", "2");
                    topics.add(new NewTopic(topic.name(), ClusterLayout.PARTITIONS, (short) 3).configs(configs));
                }
            }
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
        }
    }

    private void recreateDatabases() throws SQLException {
        try (Connection connection = DriverManager.getConnection(ClusterLayout.MARIADB, "root", "");
             Statement statement = connection.createStatement()) {
            for (String db : List.of(ClusterLayout.SETTLEMENT_DB, ClusterLayout.NOTIFIER_DB)) {
                statement.execute("DROP DATABASE IF EXISTS " + db);
                statement.execute("CREATE DATABASE " + db + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            }
        }
    }

    private void deleteData() throws IOException {
        for (Path path : List.of(layout.dir().resolve("data"), layout.pids(), layout.logs())) {
            FileSystemUtils.deleteRecursively(path);
        }
    }

    private static void requireFreePort(ClusterLayout.Node node) {
        try (ServerSocket socket = new ServerSocket(node.port())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("port " + node.port() + " for " + node.name() + " is in use");
        }
    }

    private static void say(String line) {
        System.out.println("[cluster] " + line);
    }
}
