package io.gream.ingress.testing;

import io.gream.contracts.Topics;
import io.gream.engine.EngineTestSupport;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * One real Apache Kafka broker (KRaft, spring-kafka-test) for the whole test JVM, so every test class and every
 * cached Spring context share it. Started on first use; stopped when the JVM exits. The command topic is created
 * the way the engine creates it (3 partitions here, {@code LogAppendTime}); automatic topic creation is off, as in
 * production. The event topic is created as well, for the ingress's tail and the {@link EventLog}.
 */
public final class TestBroker {

    public static final int PARTITIONS = 3;

    private static EmbeddedKafkaKraftBroker broker;

    private TestBroker() {
    }

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = start();
        }
        return broker.getBrokersAsString();
    }

    private static EmbeddedKafkaKraftBroker start() {
        EmbeddedKafkaKraftBroker started = EngineTestSupport.startBroker(PARTITIONS,
                Map.of("auto.create.topics.enable", "false"));
        started.doWithAdmin(admin -> {
            try {
                admin.createTopics(List.of(
                        new NewTopic(Topics.AUCTION_COMMANDS.name(), PARTITIONS, (short) 1)
                                .configs(Topics.AUCTION_COMMANDS.configs()),
                        new NewTopic(Topics.AUCTION_EVENTS.name(), PARTITIONS, (short) 1)
                                .configs(Topics.AUCTION_EVENTS.configs()),
                        new NewTopic(Topics.SETTLEMENT_COMMANDS.name(), PARTITIONS, (short) 1)
                                .configs(Topics.SETTLEMENT_COMMANDS.configs()))).all().get();
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException("cannot create the topics", e);
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "test-broker-shutdown"));
        return started;
    }
}
