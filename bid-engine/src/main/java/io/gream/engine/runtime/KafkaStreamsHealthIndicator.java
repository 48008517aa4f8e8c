package io.gream.engine.runtime;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Reports the engine healthy while Kafka Streams is {@code RUNNING} or {@code REBALANCING} (a rebalance is
 * routine and passes by itself), and down once it is in error or shutting down, so an orchestrator restarts it.
 * A Kafka Streams that has not started yet is reported {@code OUT_OF_SERVICE}.
 */
final class KafkaStreamsHealthIndicator implements HealthIndicator {

    private final KafkaStreams streams;

    KafkaStreamsHealthIndicator(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public Health health() {
        KafkaStreams.State state = streams.state();
        Health.Builder health = switch (state) {
            case RUNNING, REBALANCING -> Health.up();
            case CREATED -> Health.outOfService();
            case PENDING_SHUTDOWN, NOT_RUNNING, PENDING_ERROR, ERROR -> Health.down();
        };
        return health.withDetail("state", state.name())
                .withDetail("threads", streams.metadataForLocalThreads().size())
                .build();
    }
}
