package io.gream.perf.stack;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.util.Map;

/**
 * The Kafka cluster a run talks to: a single-node KRaft broker started in this JVM (configured like bid-engine's
 * {@code EngineTestSupport.startBroker()}, for exactly-once clients), or an existing cluster.
 */
public final class Broker implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker embedded;
    private final String bootstrapServers;

    private Broker(EmbeddedKafkaKraftBroker embedded, String bootstrapServers) {
        this.embedded = embedded;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a real Apache Kafka broker in KRaft mode in this JVM, with {@code partitions} per new topic. */
    public static Broker embedded(int partitions) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions);
        broker.brokerProperties(Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1",
                "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        return new Broker(broker, broker.getBrokersAsString());
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
            embedded.destroy();
        }
    }
}
