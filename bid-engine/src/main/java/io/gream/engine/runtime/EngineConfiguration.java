package io.gream.engine.runtime;

import io.gream.contracts.Topic;
import io.gream.contracts.Topics;
import io.gream.engine.topology.BidEngineTopology;
import io.gream.engine.topology.EngineObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * Wires the topology to Kafka: the topics it needs (created at startup when missing, their required configs
 * enforced when present), the {@link KafkaStreams} instance, its lifecycle, health and metrics.
 */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    /** The Kafka Streams settings the engine runs with, checked once at startup. */
    @Bean
    Properties engineStreamsSettings(KafkaProperties kafka) {
        return StreamsSettings.resolve(kafka.buildStreamsProperties());
    }

    @Bean
    KafkaStreams kafkaStreams(Properties engineStreamsSettings, EngineProperties engine,
                              List<EngineObserver> observers) {
        return new KafkaStreams(BidEngineTopology.build(engine.toConfig(),
                EngineObserver.all(observers.toArray(EngineObserver[]::new))), engineStreamsSettings);
    }

    /** Where other instances reach this one: the {@code application.server} Kafka Streams advertises. */
    @Bean
    HostInfo engineHost(Properties engineStreamsSettings) {
        return HostInfo.buildFromEndpoint(engineStreamsSettings.getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG));
    }

    @Bean
    MicrometerEngineObserver micrometerEngineObserver(MeterRegistry registry) {
        return new MicrometerEngineObserver(registry);
    }

    @Bean
    KafkaStreamsLifecycle kafkaStreamsLifecycle(KafkaStreams streams) {
        return new KafkaStreamsLifecycle(streams, Duration.ofSeconds(30));
    }

    @Bean
    KafkaStreamsHealthIndicator kafkaStreamsHealthIndicator(KafkaStreams streams) {
        return new KafkaStreamsHealthIndicator(streams);
    }

    @Bean
    KafkaStreamsMetrics engineStreamsMetrics(KafkaStreams streams, MeterRegistry registry) {
        KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(registry);
        return metrics;
    }

    @Bean
    KafkaAdmin.NewTopics greamTopics(EngineProperties engine) {
        EngineProperties.TopicSettings settings = engine.topics();
        return new KafkaAdmin.NewTopics(
                newTopic(Topics.AUCTION_COMMANDS, settings),
                newTopic(Topics.AUCTION_EVENTS, settings),
                newTopic(Topics.DEAD_LETTERS, settings));
    }

    private static NewTopic newTopic(Topic<?, ?> topic, EngineProperties.TopicSettings settings) {
        return TopicBuilder.name(topic.name())
                .partitions(settings.partitions())
                .replicas(settings.replicationFactor())
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(settings.minInsyncReplicas()))
                .configs(topic.configs())
                .build();
    }

    /** The fencer and the admin client it alone uses; neither exists when fencing is turned off. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "gream.engine.fence-abandoned-transactions", matchIfMissing = true)
    static class FencingConfiguration {

        /** An admin client of the fencer's own (Spring's {@link KafkaAdmin} opens one per call). */
        @Bean(destroyMethod = "close")
        Admin engineAdmin(KafkaAdmin kafkaAdmin) {
            return Admin.create(kafkaAdmin.getConfigurationProperties());
        }

        @Bean
        AbandonedTransactionFencer abandonedTransactionFencer(Admin engineAdmin, Properties engineStreamsSettings,
                                                              KafkaStreams streams) {
            return new AbandonedTransactionFencer(engineAdmin,
                    engineStreamsSettings.getProperty(StreamsConfig.APPLICATION_ID_CONFIG),
                    () -> streams.state() == KafkaStreams.State.REBALANCING,
                    () -> streams.metadataForLocalThreads().stream().map(ThreadMetadata::consumerClientId)
                            .findFirst(),
                    Clock.systemUTC());
        }
    }
}
