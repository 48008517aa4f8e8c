package io.gream.settlement.worker;

import io.gream.contracts.AuctionEvent;
import io.gream.contracts.SecondChanceCommand;
import io.gream.contracts.SettlementEvent;
import io.gream.contracts.Topic;
import io.gream.contracts.Topics;
import io.gream.support.kafka.ConsumerPolicy;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.HashMap;
import java.util.Map;

/**
 * The worker's Kafka clients, configured in code where correctness depends on it, whatever the yml says:
 *
 * <ul>
 *   <li>Consumers (of {@code gream.auction-events} and {@code gream.settlement-commands}): the shared
 *       {@link ConsumerPolicy}: {@code read_committed} (only committed records), offsets committed per record after
 *       the listener returned, {@code earliest} for a new group so no sold auction or command is skipped, unreadable
 *       bytes a handled error instead of a stuck consumer.</li>
 *   <li>Errors: unreadable or unsettleable records go to {@code gream.dead-letters} at once, with the original key
 *       and bytes and spring-kafka's error headers. Anything else (database down, payment unresolved, broker
 *       unavailable) is retried on the same record with exponential backoff, forever: the worker stops moving on
 *       until it can, and nothing is skipped.</li>
 *   <li>Producer of settlement events: idempotent, {@code acks=all}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class WorkerKafkaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WorkerKafkaConfiguration.class);

    /** The container factory of {@code gream.settlement-commands}' listener. */
    public static final String SETTLEMENT_COMMANDS_CONTAINER_FACTORY = "settlementCommandContainerFactory";

    @Bean
    ConsumerFactory<String, AuctionEvent> auctionEventConsumerFactory(ConsumerPolicy policy) {
        return policy.consumerFactory(Topics.AUCTION_EVENTS.valueSerde().deserializer());
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, AuctionEvent> kafkaListenerContainerFactory(
            ConsumerPolicy policy, ConsumerFactory<String, AuctionEvent> auctionEventConsumerFactory,
            DefaultErrorHandler settlementErrors) {
        return policy.listenerContainerFactory(auctionEventConsumerFactory, settlementErrors);
    }

    @Bean
    ConsumerFactory<String, SecondChanceCommand> settlementCommandConsumerFactory(ConsumerPolicy policy) {
        return policy.consumerFactory(Topics.SETTLEMENT_COMMANDS.valueSerde().deserializer());
    }

    @Bean(SETTLEMENT_COMMANDS_CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, SecondChanceCommand> settlementCommandContainerFactory(
            ConsumerPolicy policy, ConsumerFactory<String, SecondChanceCommand> settlementCommandConsumerFactory,
            DefaultErrorHandler settlementErrors) {
        return policy.listenerContainerFactory(settlementCommandConsumerFactory, settlementErrors);
    }

    @Bean
    DefaultErrorHandler settlementErrors(ConsumerPolicy policy, SettlementProperties properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(
                properties.redelivery().initialBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(properties.redelivery().maxBackoff().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        DefaultErrorHandler handler = policy.deadLettering(backOff);
        // Poison: retrying cannot help. Deserialization failures are not retried by default either.
        handler.addNotRetryableExceptions(InvalidCloseEventException.class);
        handler.setRetryListeners((record, error, attempt) -> log.warn(
                "Settling {}-{}@{} failed (attempt {}), will retry without moving on: {}", record.topic(),
                record.partition(), record.offset(), attempt, rootMessage(error)));
        return handler;
    }

    // The producer factory is a bean of its own so that the context closes it, flushing and stopping its producer on
    // shutdown; a factory made inside the template's bean method would outlive the worker.

    @Bean
    DefaultKafkaProducerFactory<String, SettlementEvent> settlementEventProducerFactory(KafkaProperties kafka) {
        Topic<String, SettlementEvent> topic = Topics.SETTLEMENT_EVENTS;
        return new DefaultKafkaProducerFactory<>(reliableProducer(kafka), topic.keySerde().serializer(),
                topic.valueSerde().serializer());
    }

    @Bean
    KafkaTemplate<String, SettlementEvent> settlementEventTemplate(
            DefaultKafkaProducerFactory<String, SettlementEvent> settlementEventProducerFactory) {
        return new KafkaTemplate<>(settlementEventProducerFactory);
    }

    @Bean
    NewTopic settlementEventsTopic(SettlementProperties properties) {
        return newTopic(Topics.SETTLEMENT_EVENTS, properties.topics());
    }

    @Bean
    NewTopic settlementCommandsTopic(SettlementProperties properties) {
        return newTopic(Topics.SETTLEMENT_COMMANDS, properties.topics());
    }

    @Bean
    NewTopic deadLettersTopic(SettlementProperties properties) {
        return newTopic(Topics.DEAD_LETTERS, properties.topics());
    }

    private static NewTopic newTopic(Topic<?, ?> topic, SettlementProperties.TopicSettings settings) {
        Map<String, String> configs = new HashMap<>(topic.configs());
        configs.put("min.insync.replicas", String.valueOf(settings.minInsyncReplicas()));
        return new NewTopic(topic.name(), settings.partitions(), settings.replicationFactor()).configs(configs);
    }

    private static Map<String, Object> reliableProducer(KafkaProperties kafka) {
        Map<String, Object> settings = new HashMap<>(kafka.buildProducerProperties());
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        return settings;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? String.valueOf(error.getMessage()) : error.getMessage() + " (" + root + ")";
    }
}
