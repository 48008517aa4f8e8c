package io.gream.ingress.tail;

import io.gream.ingress.command.CommandProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * The tail's consumer ({@code spring.kafka.consumer.*} with what a group-less reader needs enforced: no group, no
 * commits, the configured isolation level) and what listens to it. The consumer's own metrics (among them
 * {@code kafka_consumer_fetch_manager_records_lag_max}, the tail's lag in records) go to Micrometer.
 */
@Configuration(proxyBeanMethods = false)
class TailConfiguration {

    @Bean
    CommandOutcomes commandOutcomes(TailProperties properties, CommandProperties commands,
                                    @Qualifier("commandAckContinuations") ExecutorService completions,
                                    MeterRegistry meters) {
        return new CommandOutcomes(properties, commands.maxWaiting(), completions, meters);
    }

    @Bean
    AuctionEventTail auctionEventTail(KafkaProperties kafka, TailProperties properties,
                                      List<AuctionEventTail.Listener> listeners, Clock clock, MeterRegistry meters) {
        Map<String, Object> settings = new HashMap<>(kafka.buildConsumerProperties());
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, properties.isolationLevel());
        DefaultKafkaConsumerFactory<String, byte[]> factory = new DefaultKafkaConsumerFactory<>(settings,
                new StringDeserializer(), new ByteArrayDeserializer());
        factory.addListener(new MicrometerConsumerListener<>(meters));
        return new AuctionEventTail(factory, listeners, clock, meters);
    }
}
