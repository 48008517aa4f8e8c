package io.gream.settlement.deadletter;

import io.gream.contracts.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** The dead-letter monitor's consumer (raw bytes, {@code earliest}) and the replayer behind the operator endpoint. */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    @Bean
    ConcurrentKafkaListenerContainerFactory<byte[], byte[]> deadLetterListenerFactory(KafkaProperties kafka) {
        Map<String, Object> settings = new HashMap<>(kafka.buildConsumerProperties());
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer()));
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        return factory;
    }

    @Bean
    DeadLetterMonitor deadLetterMonitor(MeterRegistry meters) {
        return new DeadLetterMonitor(meters);
    }

    @Bean
    DeadLetterReplayer deadLetterReplayer(KafkaProperties kafka, KafkaTemplate<Object, Object> deadLetterTemplate,
                                          DataSource dataSource, PlatformTransactionManager transactionManager,
                                          ObjectProvider<Clock> clock) {
        return new DeadLetterReplayer(kafka.buildConsumerProperties(), Topics.DEAD_LETTERS.name(),
                deadLetterTemplate, new JdbcTemplate(dataSource), transactionManager,
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    DeadLettersEndpoint deadLettersEndpoint(DeadLetterReplayer replayer) {
        return new DeadLettersEndpoint(replayer);
    }
}
