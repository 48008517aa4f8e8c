package io.gream.engine;

import io.gream.contracts.AuctionCommand;
import io.gream.contracts.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.awaitility.Awaitility.await;

/**
 * What the real-broker tests share: a single-node KRaft broker in this JVM set up for exactly-once clients, the
 * engine application started against it, and an idempotent producer of commands.
 *
 * <p>It takes the engine as a {@link SpringApplicationBuilder} rather than depending on the bid-engine, so the
 * engine's own tests can use it too.
 */
public final class EngineTestSupport {

    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** The internal token the engines of these tests require ({@code gream.engine.internal-token}). */
    public static final String INTERNAL_TOKEN = "engine-token-for-tests-only";

    /** The header that carries {@link #INTERNAL_TOKEN}. */
    public static final String INTERNAL_TOKEN_HEADER = "X-Gream-Internal-Token";

    private EngineTestSupport() {
    }

    /** A real Apache Kafka broker (KRaft) with 3 partitions per topic; single-node transaction log settings. */
    public static EmbeddedKafkaKraftBroker startBroker() {
        return startBroker(3, Map.of());
    }

    /**
     * The broker of every test that needs one: a real Apache Kafka broker (KRaft) in this JVM with {@code partitions}
     * per new topic, set up so exactly-once clients work on a single node, and {@code overrides} on top.
     */
    public static EmbeddedKafkaKraftBroker startBroker(int partitions, Map<String, String> overrides) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions);
        Map<String, String> properties = new java.util.HashMap<>(Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1",
                "group.initial.rebalance.delay.ms", "0"));
        properties.putAll(overrides);
        broker.brokerProperties(properties);
        broker.afterPropertiesSet();
        return broker;
    }

    /**
     * Starts the engine application against {@code broker} and waits until Kafka Streams is running.
     *
     * @param engine    {@code BidEngineApplication.builder()}
     * @param port      the HTTP port, also advertised to other instances ({@code 0} for any, single instance)
     * @param extraArgs further {@code --property=value} arguments
     */
    public static ConfigurableApplicationContext startEngine(SpringApplicationBuilder engine,
                                                             EmbeddedKafkaKraftBroker broker, Path stateDir, int port,
                                                             String... extraArgs) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.kafka.streams.state-dir=" + stateDir,
                "--gream.engine.topics.partitions=3",
                "--gream.engine.topics.replication-factor=1",
                "--gream.engine.topics.min-insync-replicas=1",
                "--gream.engine.internal-token=" + INTERNAL_TOKEN));
        args.addAll(List.of(extraArgs));
        ConfigurableApplicationContext context = engine.run(args.toArray(String[]::new));
        KafkaStreams streams = context.getBean(KafkaStreams.class);
        await().atMost(TIMEOUT).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        return context;
    }

    public static KafkaProducer<String, byte[]> idempotentProducer(EmbeddedKafkaKraftBroker broker) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** Appends a command keyed by its auction, and returns once the broker has acknowledged it. */
    public static void send(KafkaProducer<String, byte[]> producer, AuctionCommand command)
            throws InterruptedException, ExecutionException {
        producer.send(new ProducerRecord<>(Topics.AUCTION_COMMANDS.name(), command.auctionId(),
                Topics.AUCTION_COMMANDS.valueSerde().serializer().serialize(Topics.AUCTION_COMMANDS.name(), command)))
                .get();
    }
}
