package io.gream.perf.stack;

import io.gream.childjvm.ChildJvm;
import io.gream.childjvm.ExecJars;
import io.gream.childjvm.Probes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    private static final String READINESS = "/actuator/health/readiness";

    /**
     * Starts a bid-engine with topics of {@code partitions} partitions and replication 1, its state under
     * {@code dir}, once its readiness probe (which includes Kafka Streams being RUNNING) answers 200.
     */
    public static Service startEngine(String bootstrapServers, int partitions, Path dir, List<String> jvmArgs,
                                      List<String> extraArgs) {
        Path stateDir = dir.resolve("engine-state");
        return start("bid-engine", dir, jvmArgs, READINESS, stateDir, extraArgs,
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--gream.data-dir=" + dir.resolve("engine-data").toAbsolutePath(),
                "--spring.kafka.streams.state-dir=" + stateDir.toAbsolutePath(),
                "--gream.engine.topics.partitions=" + partitions,
                "--gream.engine.topics.replication-factor=1",
                "--gream.engine.topics.min-insync-replicas=1",
                "--gream.engine.internal-token=" + INTERNAL_TOKEN);
    }

    /**
     * Starts an ingress-api in its {@code local} profile (development tokens) in front of {@code engineUrl}, with
     * the per-user rate limit raised so the limiter never answers for the load generator.
     */
    public static Service startIngress(String bootstrapServers, String engineUrl, Path dir, List<String> jvmArgs,
                                       List<String> extraArgs) {
        return start("ingress-api", dir, jvmArgs, READINESS, null, extraArgs,
                "--spring.profiles.active=local",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--gream.ingress.engine-urls=" + engineUrl,
                "--gream.ingress.engine-token=" + INTERNAL_TOKEN,
                "--gream.auth.dev-tokens.enabled=true",
                "--gream.ingress.rate-limit.requests-per-period=1000000",
                "--gream.ingress.rate-limit.anonymous-requests-per-period=1000000",
                "--springdoc.api-docs.enabled=false",
                "--springdoc.swagger-ui.enabled=false");
    }

    /**
     * Starts the lock-based baseline service against the database at {@code jdbcUrl}, verifying tokens signed
     * with {@code hmacSecret} (the ingress's, so one token works for both).
     */
    public static Service startLockingBaseline(String jdbcUrl, String user, String password, String hmacSecret,
                                               Path dir, List<String> jvmArgs) {
        return start("perf-locking-baseline", dir, jvmArgs, "/ping", null, List.of(),
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                // web-auth takes an HMAC key only under the local profile, as the ingress under test does
                "--spring.profiles.active=local",
                "--gream.auth.hmac-secret=" + hmacSecret);
    }

    public static Service existing(String name, String url) {
        return new Service(name, url, null, null);
    }

    private static Service start(String module, Path dir, List<String> jvmArgs, String readyPath, Path stateDir,
                                 List<String> extraArgs, String... settings) {
        int port = freePort();
        List<String> args = new ArrayList<>(List.of("--server.port=" + port));
        args.addAll(List.of(settings));
        args.addAll(extraArgs);
        ChildJvm jvm = ChildJvm.start(module, ChildJvm.command(ExecJars.find(module), jvmArgs, args),
                dir.resolve(module + ".log")).stopOnExit();
        System.out.printf("started %s (pid %d), log %s%n", module, jvm.pid(), jvm.log());
        String url = "http://localhost:" + port;
        jvm.awaitReady(Duration.ofSeconds(120), () -> Probes.answers(url + readyPath, ""));
        System.out.println(module + " ready at " + url);
        return new Service(module, url, jvm, stateDir);
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
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
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
