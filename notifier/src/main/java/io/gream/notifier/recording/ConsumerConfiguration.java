package io.gream.notifier.recording;

import io.gream.contracts.AuctionEvent;
import io.gream.contracts.SettlementEvent;
import io.gream.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The consumer of both event topics, and where its failures go.
 *
 * <p>Settings that correctness depends on are set here, not left to configuration: {@code read_committed} (the
 * engine writes with transactions; aborted decisions must never notify), no auto-commit and {@code AckMode.RECORD}
 * (the offset is committed after the record's database transaction), {@code earliest} for a new group (a fresh
 * notifier catches up from the log). Unreadable records go straight to {@code gream.dead-letters} with their
 * original bytes. While the database is unreachable a record is retried with backoff for as long as it takes: the
 * consumer stops moving and resumes when the database returns, so an outage loses no notification. Any other
 * processing failure is retried for about a minute, then dead-lettered, so one bad record never stops the consumer.
 */
@Configuration(proxyBeanMethods = false)
class ConsumerConfiguration {

    static final String CONTAINER_FACTORY = "notifierListenerContainerFactory";

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, Object> notifierListenerContainerFactory(
            KafkaProperties kafka, DefaultKafkaProducerFactory<Object, Object> deadLetterProducerFactory) {
        Map<String, Object> consumer = new LinkedHashMap<>(kafka.buildConsumerProperties());
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, "gream-notifier");
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        ErrorHandlingDeserializer<Object> values = new ErrorHandlingDeserializer<>(new EventDeserializer());
        var consumerFactory = new DefaultKafkaConsumerFactory<>(consumer, new StringDeserializer(), values);

        ConcurrentKafkaListenerContainerFactory<String, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumerFactory);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        if (kafka.getListener().getConcurrency() != null) {
            factory.setConcurrency(kafka.getListener().getConcurrency());
        }
        factory.setCommonErrorHandler(errorHandler(new KafkaTemplate<>(deadLetterProducerFactory)));
        return factory;
    }

    private static DefaultErrorHandler errorHandler(KafkaTemplate<Object, Object> deadLetters) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters,
                (record, failure) -> new TopicPartition(Topics.DEAD_LETTERS.name(), -1));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff(false));
        handler.setBackOffFunction((record, failure) -> databaseUnavailable(failure) ? backOff(true) : null);
        return handler;
    }

    /** Backoff up to 10 s apart; for about a minute, or without end while the database is unavailable. */
    static BackOff backOff(boolean untilItSucceeds) {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        backOff.setMaxElapsedTime(untilItSucceeds ? Long.MAX_VALUE : 60_000);
        return backOff;
    }

    /**
     * Whether a failure says the database could not be reached or could not serve, rather than that this record
     * cannot be recorded: retrying the first helps once the database is back, dead-lettering it would lose the
     * notification.
     */
    static boolean databaseUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes dead letters: the original bytes when the value could not be read, else the event as JSON. A bean, so
     * its producer is flushed and closed on shutdown.
     */
    @Bean
    DefaultKafkaProducerFactory<Object, Object> deadLetterProducerFactory(KafkaProperties kafka) {
        Map<String, Object> producer = new LinkedHashMap<>(kafka.buildProducerProperties());
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(String.class, new StringSerializer());
        byType.put(AuctionEvent.class, Topics.AUCTION_EVENTS.valueSerde().serializer());
        byType.put(SettlementEvent.class, Topics.SETTLEMENT_EVENTS.valueSerde().serializer());
        var serializer = new DelegatingByTypeSerializer(byType, true);
        return new DefaultKafkaProducerFactory<>(producer, serializer, serializer);
    }
}
