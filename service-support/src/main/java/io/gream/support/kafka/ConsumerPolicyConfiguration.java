package io.gream.support.kafka;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@link ConsumerPolicy} and the dead-letter producer behind it (idempotent, {@code acks=all}). A service opts
 * in with {@code @Import}. The producer factory is a bean of its own so that the context closes it, flushing and
 * stopping its producer on shutdown.
 */
@Configuration(proxyBeanMethods = false)
public class ConsumerPolicyConfiguration {

    @Bean
    DefaultKafkaProducerFactory<Object, Object> deadLetterProducerFactory(KafkaProperties kafka) {
        Map<String, Object> settings = new HashMap<>(kafka.buildProducerProperties());
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        return new DefaultKafkaProducerFactory<>(settings, new OriginalBytesSerializer(),
                new OriginalBytesSerializer());
    }

    /** Writes dead letters; also what replays them, since it writes their original bytes unchanged. */
    @Bean
    KafkaTemplate<Object, Object> deadLetterTemplate(
            DefaultKafkaProducerFactory<Object, Object> deadLetterProducerFactory) {
        return new KafkaTemplate<>(deadLetterProducerFactory);
    }

    @Bean
    ConsumerPolicy consumerPolicy(KafkaProperties kafka, KafkaTemplate<Object, Object> deadLetterTemplate) {
        return new ConsumerPolicy(kafka, deadLetterTemplate);
    }
}
