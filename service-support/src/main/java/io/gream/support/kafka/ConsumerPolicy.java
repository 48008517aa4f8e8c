package io.gream.support.kafka;

import io.gream.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.BackOff;

import java.util.HashMap;
import java.util.Map;

/**
 * How a Gream service consumes an event topic in a consumer group, set in code because correctness depends on it,
 * whatever the yml says: {@code read_committed} (the engine writes with transactions; an aborted decision must never
 * be acted on), no auto-commit and {@code AckMode.RECORD} (a record's offset is committed after its listener
 * returned), {@code earliest} for a new group (nothing written before the group existed is skipped). Values are read
 * through {@link ErrorHandlingDeserializer}, so unreadable bytes become a handled error instead of a stuck consumer,
 * and a record given up on goes to {@code gream.dead-letters} with its original key and bytes.
 *
 * <p>How long a failing record is retried before it is given up on is the service's decision: it passes a
 * {@link BackOff}, and may tune the handler further (exceptions not worth retrying, retry logging).
 */
public final class ConsumerPolicy {

    private final KafkaProperties kafka;
    private final KafkaTemplate<Object, Object> deadLetters;

    ConsumerPolicy(KafkaProperties kafka, KafkaTemplate<Object, Object> deadLetters) {
        this.kafka = kafka;
        this.deadLetters = deadLetters;
    }

    /** Consumers with {@code spring.kafka.consumer.*} and this policy's settings, reading values with {@code values}. */
    public <V> ConsumerFactory<String, V> consumerFactory(Deserializer<V> values) {
        Map<String, Object> settings = new HashMap<>(kafka.buildConsumerProperties());
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new DefaultKafkaConsumerFactory<>(settings, new StringDeserializer(),
                new ErrorHandlingDeserializer<>(values));
    }

    /**
     * Listener containers that commit each record's offset once its listener returned, with
     * {@code spring.kafka.listener.concurrency} where set (a listener's own {@code concurrency} wins).
     */
    public <V> ConcurrentKafkaListenerContainerFactory<String, V> listenerContainerFactory(
            ConsumerFactory<String, V> consumers, CommonErrorHandler errors) {
        ConcurrentKafkaListenerContainerFactory<String, V> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumers);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        if (kafka.getListener().getConcurrency() != null) {
            factory.setConcurrency(kafka.getListener().getConcurrency());
        }
        factory.setCommonErrorHandler(errors);
        return factory;
    }

    /**
     * Retries a failing record on the spot as {@code backOff} allows, then writes it to {@code gream.dead-letters}
     * (any partition) with spring-kafka's {@code kafka_dlt-*} headers. Unreadable records are not retried.
     */
    public DefaultErrorHandler deadLettering(BackOff backOff) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters,
                (record, failure) -> new TopicPartition(Topics.DEAD_LETTERS.name(), -1));
        return new DefaultErrorHandler(recoverer, backOff);
    }
}
