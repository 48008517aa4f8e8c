package io.gream.perf;

import io.gream.childjvm.ServiceJvm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Gream services a run measures, started as {@link ServiceJvm}s with what a benchmark needs of them: topics of
 * the run's partition count on one replica, the engine's state under the run's directory, and an ingress in its
 * {@code local} profile whose rate limit the load never reaches. The caller's extra arguments come last and win.
 */
final class GreamJvms {

    /** The engine's internal token, shared with the ingress; loopback only, so a fixed value. */
    private static final String INTERNAL_TOKEN = "gream-benchmark-internal-token";
    /** Includes Kafka Streams being RUNNING, for the engine. */
    private static final String READINESS = "/actuator/health/readiness";

    private GreamJvms() {
    }

    static ServiceJvm engine(String bootstrapServers, int partitions, Path dir, List<String> jvmArgs,
                             List<String> extraArgs) {
        Path stateDir = dir.resolve("engine-state").toAbsolutePath();
        return ServiceJvm.start("bid-engine", dir, jvmArgs, READINESS, stateDir, with(extraArgs,
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--gream.data-dir=" + dir.resolve("engine-data").toAbsolutePath(),
                "--spring.kafka.streams.state-dir=" + stateDir,
                "--gream.engine.topics.partitions=" + partitions,
                "--gream.engine.topics.replication-factor=1",
                "--gream.engine.topics.min-insync-replicas=1",
                "--gream.engine.internal-token=" + INTERNAL_TOKEN));
    }

    /** An ingress in front of {@code engineUrl}, issuing development tokens. */
    static ServiceJvm ingress(String bootstrapServers, String engineUrl, Path dir, List<String> jvmArgs,
                              List<String> extraArgs) {
        return ServiceJvm.start("ingress-api", dir, jvmArgs, READINESS, null, with(extraArgs,
                "--spring.profiles.active=local",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--gream.ingress.engine-urls=" + engineUrl,
                "--gream.ingress.engine-token=" + INTERNAL_TOKEN,
                "--gream.auth.dev-tokens.enabled=true",
                "--gream.ingress.rate-limit.requests-per-period=1000000",
                "--gream.ingress.rate-limit.anonymous-requests-per-period=1000000",
                "--springdoc.api-docs.enabled=false",
                "--springdoc.swagger-ui.enabled=false"));
    }

    private static List<String> with(List<String> extraArgs, String... settings) {
        List<String> args = new ArrayList<>(List.of(settings));
        args.addAll(extraArgs);
        return args;
    }
}
