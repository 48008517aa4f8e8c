package io.gream.settlement.worker;

import io.gream.contracts.AuctionEvent;
import io.gream.contracts.GreamJson;
import io.gream.contracts.SecondChanceCommand;
import io.gream.contracts.SettlementEvent;
import io.gream.contracts.Topic;
import io.gream.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The worker's Kafka clients, configured in code where correctness depends on it, whatever the yml says:
 *
 * <ul>
 *   <li>Consumers (of {@code gream.auction-events} and {@code gream.settlement-commands}): {@code read_committed}
 *       (only committed records), no auto-commit, offsets committed per record after the listener returned (ack mode
 *       RECORD), {@code earliest} for a new group so no sold auction or command is skipped. Values through
 *       {@link ErrorHandlingDeserializer}, so unreadable bytes become a handled error instead of a stuck
 *       consumer.</li>
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
    ConsumerFactory<String, AuctionEvent> auctionEventConsumerFactory(KafkaProperties kafka) {
        return consumerFactory(kafka, Topics.AUCTION_EVENTS);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, AuctionEvent> kafkaListenerContainerFactory(
            ConsumerFactory<String, AuctionEvent> auctionEventConsumerFactory, DefaultErrorHandler settlementErrors) {
        return containerFactory(auctionEventConsumerFactory, settlementErrors);
    }

    @Bean
    ConsumerFactory<String, SecondChanceCommand> settlementCommandConsumerFactory(KafkaProperties kafka) {
        return consumerFactory(kafka, Topics.SETTLEMENT_COMMANDS);
    }

    @Bean(SETTLEMENT_COMMANDS_CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, SecondChanceCommand> settlementCommandContainerFactory(
            ConsumerFactory<String, SecondChanceCommand> settlementCommandConsumerFactory,
            DefaultErrorHandler settlementErrors) {
        return containerFactory(settlementCommandConsumerFactory, settlementErrors);
    }

    private static <V> ConsumerFactory<String, V> consumerFactory(KafkaProperties kafka, Topic<String, V> topic) {
        Map<String, Object> settings = new HashMap<>(kafka.buildConsumerProperties());
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new DefaultKafkaConsumerFactory<>(settings, new StringDeserializer(),
                new ErrorHandlingDeserializer<>(topic.valueSerde().deserializer()));
    }

    private static <V> ConcurrentKafkaListenerContainerFactory<String, V> containerFactory(
            ConsumerFactory<String, V> consumers, DefaultErrorHandler settlementErrors) {
        ConcurrentKafkaListenerContainerFactory<String, V> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumers);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        factory.setCommonErrorHandler(settlementErrors);
        return factory;
    }

    @Bean
    DefaultErrorHandler settlementErrors(KafkaTemplate<Object, Object> deadLetterTemplate,
                                         SettlementProperties properties) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(deadLetterTemplate,
                (record, error) -> new TopicPartition(Topics.DEAD_LETTERS.name(), -1));
        ExponentialBackOff backOff = new ExponentialBackOff(
                properties.redelivery().initialBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(properties.redelivery().maxBackoff().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
        // Poison: retrying cannot help. Deserialization failures are not retried by default either.
        handler.addNotRetryableExceptions(InvalidCloseEventException.class);
        handler.setRetryListeners((record, error, attempt) -> log.warn(
                "Settling {}-{}@{} failed (attempt {}), will retry without moving on: {}", record.topic(),
                record.partition(), record.offset(), attempt, rootMessage(error)));
        return handler;
    }

    // The producer factories are beans of their own so that the context closes them, flushing and stopping their
    // producers on shutdown; a factory made inside a template's bean method would outlive the worker.

    @Bean
    DefaultKafkaProducerFactory<Object, Object> deadLetterProducerFactory(KafkaProperties kafka) {
        return new DefaultKafkaProducerFactory<>(reliableProducer(kafka), new OriginalBytesSerializer(),
                new OriginalBytesSerializer());
    }

    @Bean
    KafkaTemplate<Object, Object> deadLetterTemplate(
            DefaultKafkaProducerFactory<Object, Object> deadLetterProducerFactory) {
        return new KafkaTemplate<>(deadLetterProducerFactory);
    }

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

    /**
     * Dead letters carry the original bytes: a record that could not be read arrives here as the raw bytes spring-kafka
     * kept; one that was read but could not be settled is written back as the event's JSON.
     */
    static final class OriginalBytesSerializer implements Serializer<Object> {

        @Override
        public byte[] serialize(String topic, Object data) {
            if (data == null) {
                return null;
            }
            if (data instanceof byte[] bytes) {
                return bytes;
            }
            if (data instanceof String text) {
                return text.getBytes(StandardCharsets.UTF_8);
            }
            if (data instanceof AuctionEvent event) {
                return Topics.AUCTION_EVENTS.valueSerde().serializer().serialize(topic, event);
            }
            return GreamJson.mapper().writeValueAsBytes(data);
        }
    }
}
