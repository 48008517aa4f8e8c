package io.gream.perf.stack;

import io.gream.kafka.KafkaNode;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The Kafka cluster a run talks to: a single-node KRaft broker started in this JVM from a fresh temporary directory
 * (the project's {@link KafkaNode}, set up for exactly-once clients), or an existing cluster.
 */
public final class Broker implements AutoCloseable {

    private final KafkaNode embedded;
    private final String bootstrapServers;

    private Broker(KafkaNode embedded, String bootstrapServers) {
        this.embedded = embedded;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a real Apache Kafka broker in KRaft mode in this JVM, with {@code partitions} per new topic. */
    public static Broker embedded(int partitions) {
        try {
            Path logDir = Files.createTempDirectory("gream-perf-kafka");
            // Benchmarks may write to a topic before anyone created it.
            KafkaNode node = KafkaNode.start(KafkaNode.Settings.singleNode(logDir, Service.freePort(),
                    Service.freePort(), partitions).with(Map.of("auto.create.topics.enable", "true")));
            return new Broker(node, node.bootstrapServers());
        } catch (Exception e) {
            throw new IllegalStateException("could not start the embedded Kafka broker", e);
        }
    }

    public static Broker existing(String bootstrapServers) {
        return new Broker(null, bootstrapServers);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
            try {
                FileSystemUtils.deleteRecursively(embedded.logDir());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
