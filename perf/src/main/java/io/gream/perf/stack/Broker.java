package io.gream.perf.stack;

import io.gream.kafka.KafkaNode;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * A single-node KRaft broker in this JVM from a fresh temporary directory (the project's {@link KafkaNode}, set up
 * for exactly-once clients), for a run not pointed at an existing cluster. Its directory is deleted on close.
 */
public final class Broker implements AutoCloseable {

    private final KafkaNode node;

    private Broker(KafkaNode node) {
        this.node = node;
    }

    /** Starts a real Apache Kafka broker in KRaft mode in this JVM, with {@code partitions} per new topic. */
    public static Broker embedded(int partitions) {
        try {
            // Benchmarks may write to a topic before anyone created it.
            return new Broker(KafkaNode.start(KafkaNode.Settings.singleNode(
                    Files.createTempDirectory("gream-perf-kafka"), Service.freePort(), Service.freePort(), partitions)
                    .with(Map.of("auto.create.topics.enable", "true"))));
        } catch (Exception e) {
            throw new IllegalStateException("could not start the embedded Kafka broker", e);
        }
    }

    public String bootstrapServers() {
        return node.bootstrapServers();
    }

    @Override
    public void close() {
        node.close();
        try {
            FileSystemUtils.deleteRecursively(node.logDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
