package io.gream.ingress.command;

import io.gream.contracts.CommandLogEntry;
import io.gream.contracts.SecondChanceCommand;
import io.gream.contracts.Topic;
import io.gream.contracts.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.core.ProducerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The command producer: {@code spring.kafka.producer.*} settings, with the two the design requires enforced in
 * code ({@code enable.idempotence=true}, {@code acks=all}) whatever the configuration says, and the contracts'
 * serdes. Spring Boot's auto-configured producer factory and template back off in favour of these.
 */
@Configuration(proxyBeanMethods = false)
class CommandProducerConfiguration {

    @Bean
    ProducerFactory<String, CommandLogEntry> commandProducerFactory(KafkaProperties kafka, MeterRegistry meters) {
        return producerFactory(kafka, meters, Topics.AUCTION_COMMANDS);
    }

    @Bean
    ProducerFactory<String, SecondChanceCommand> secondChanceProducerFactory(KafkaProperties kafka,
                                                                             MeterRegistry meters) {
        return producerFactory(kafka, meters, Topics.SETTLEMENT_COMMANDS);
    }

    private static <V> ProducerFactory<String, V> producerFactory(KafkaProperties kafka, MeterRegistry meters,
                                                                  Topic<String, V> topic) {
        Map<String, Object> settings = new HashMap<>(kafka.buildProducerProperties());
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        DefaultKafkaProducerFactory<String, V> factory = new DefaultKafkaProducerFactory<>(settings,
                topic.keySerde().serializer(), topic.valueSerde().serializer());
        factory.addListener(new MicrometerProducerListener<>(meters)); // the producer's own metrics
        // Create the producer now: an invalid setting (e.g. delivery.timeout.ms below request.timeout.ms) fails
        // startup instead of the first request. Creating it does not need a reachable broker.
        factory.createProducer().close();
        return factory;
    }

    @Bean
    KafkaTemplate<String, CommandLogEntry> commandTemplate(ProducerFactory<String, CommandLogEntry> factory) {
        // No observation: spring-kafka's observation asks an admin client for the cluster id on the request thread,
        // which blocks for the admin timeout (30 s) when the cluster is down, defeating the fast 503.
        return new KafkaTemplate<>(factory);
    }

    @Bean
    KafkaTemplate<String, SecondChanceCommand> secondChanceTemplate(
            ProducerFactory<String, SecondChanceCommand> secondChanceProducerFactory) {
        return new KafkaTemplate<>(secondChanceProducerFactory);
    }

    @Bean
    SecondChancePublisher secondChancePublisher(KafkaTemplate<String, SecondChanceCommand> secondChanceTemplate,
                                                CommandProperties properties) {
        return new SecondChancePublisher(secondChanceTemplate, properties.ackTimeout());
    }

    @Bean
    CommandPublisher commandPublisher(KafkaTemplate<String, CommandLogEntry> template,
                                      CommandProperties properties, ExecutorService commandAckContinuations) {
        return new CommandPublisher(template, properties.ackTimeout(), commandAckContinuations);
    }

    /**
     * Runs what follows a broker acknowledgement (asking the engine for the outcome, or answering the client), off
     * the producer's network thread. That work is short and never blocks, so two threads keep up.
     */
    @Bean(destroyMethod = "shutdown")
    ExecutorService commandAckContinuations() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "command-ack-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
