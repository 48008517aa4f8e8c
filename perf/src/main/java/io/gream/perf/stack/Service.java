package io.gream.perf.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * A Gream service (bid-engine or ingress-api) that a run uses: started as a {@link ChildJvm} from the module's
 * {@code -exec} jar, or already running elsewhere (then {@link #jvm()} is {@code null} and RSS is unknown).
 *
 * @param url      where its HTTP API answers
 * @param stateDir the engine's state directory when this harness started it, else {@code null}
 */
public record Service(String name, String url, ChildJvm jvm, Path stateDir) implements AutoCloseable {

    /** The engine's internal token, shared with the ingress; loopback only, so a fixed value. */
    private static final String INTERNAL_TOKEN = "gream-benchmark-internal-token";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * Starts a bid-engine against {@code bootstrapServers}, with topics of {@code partitions} partitions and
     * replication 1, its state under {@code dir}, and waits until its readiness probe (which includes Kafka
     * Streams being RUNNING) answers 200.
     */
    public static Service startEngine(String bootstrapServers, int partitions, Path dir, List<String> jvmArgs,
                                      List<String> extraArgs) {
        int port = freePort();
        Path stateDir = dir.resolve("engine-state");
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--gream.data-dir=" + dir.resolve("engine-data").toAbsolutePath(),
                "--spring.kafka.streams.state-dir=" + stateDir.toAbsolutePath(),
                "--gream.engine.topics.partitions=" + partitions,
                "--gream.engine.topics.replication-factor=1",
                "--gream.engine.topics.min-insync-replicas=1",
                "--gream.engine.internal-token=" + INTERNAL_TOKEN));
        args.addAll(extraArgs);
        ChildJvm jvm = ChildJvm.start("bid-engine", Jars.find("bid-engine"), jvmArgs, args,
                dir.resolve("bid-engine.log"));
        Service engine = new Service("bid-engine", "http://localhost:" + port, jvm, stateDir);
        engine.awaitReady("/actuator/health/readiness", Duration.ofSeconds(120));
        return engine;
    }

    /**
     * Starts an ingress-api in its {@code local} profile (development tokens) in front of {@code engineUrl}, with
     * the per-user rate limit raised so the limiter never answers for the load generator.
     */
    public static Service startIngress(String bootstrapServers, String engineUrl, Path dir, List<String> jvmArgs,
                                       List<String> extraArgs) {
        int port = freePort();
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=local",
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--gream.ingress.engine-urls=" + engineUrl,
                "--gream.ingress.engine-token=" + INTERNAL_TOKEN,
                "--gream.auth.dev-tokens.enabled=true",
                "--gream.ingress.rate-limit.requests-per-period=1000000",
                "--gream.ingress.rate-limit.anonymous-requests-per-period=1000000",
                "--springdoc.api-docs.enabled=false",
                "--springdoc.swagger-ui.enabled=false"));
        args.addAll(extraArgs);
        ChildJvm jvm = ChildJvm.start("ingress-api", Jars.find("ingress-api"), jvmArgs, args,
                dir.resolve("ingress-api.log"));
        Service ingress = new Service("ingress-api", "http://localhost:" + port, jvm, null);
        ingress.awaitReady("/actuator/health/readiness", Duration.ofSeconds(120));
        return ingress;
    }

    /**
     * Starts the lock-based baseline service against the database at {@code jdbcUrl}, verifying tokens signed
     * with {@code hmacSecret} (the ingress's, so one token works for both).
     */
    public static Service startLockingBaseline(String jdbcUrl, String user, String password, String hmacSecret,
                                               Path dir, List<String> jvmArgs) {
        int port = freePort();
        ChildJvm jvm = ChildJvm.start("perf-locking-baseline", Jars.find("perf-locking-baseline"), jvmArgs, List.of(
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                // web-auth takes an HMAC key only under the local profile, as the ingress under test does
                "--spring.profiles.active=local",
                "--gream.auth.hmac-secret=" + hmacSecret), dir.resolve("perf-locking-baseline.log"));
        Service service = new Service("perf-locking-baseline", "http://localhost:" + port, jvm, null);
        service.awaitReady("/ping", Duration.ofSeconds(120));
        return service;
    }

    public static Service existing(String name, String url) {
        return new Service(name, url, null, null);
    }

    void awaitReady(String path, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (jvm != null && !jvm.isAlive()) {
                throw new IllegalStateException(name + " exited during start; see its log");
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + path))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    System.out.println(name + " ready at " + url);
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
        throw new IllegalStateException(name + " not ready at " + url + path + " within " + timeout);
    }

    /** RSS of the child JVM in bytes, -1 if unknown. */
    public long rssBytes() {
        return jvm == null ? -1 : jvm.rssBytes();
    }

    /** Bytes under the state directory, -1 if unknown. */
    public long stateBytes() {
        if (stateDir == null || !Files.isDirectory(stateDir)) {
            return -1;
        }
        try (Stream<Path> files = Files.walk(stateDir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0; // RocksDB removed it meanwhile
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (jvm != null) {
            jvm.close();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
