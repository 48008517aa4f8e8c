package io.gream.engine.runtime;

import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;

/**
 * Starts the engine's {@link KafkaStreams} once the application context is ready and closes it cleanly on
 * shutdown, leaving the consumer group so that standbys take over its partitions promptly.
 *
 * <p>Never calls {@code cleanUp()}: local state is what makes a restart fast; if it is lost, Kafka Streams restores
 * it from the changelog topics by itself.
 */
final class KafkaStreamsLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaStreamsLifecycle.class);

    private final KafkaStreams streams;
    private final Duration closeTimeout;
    private volatile boolean running;

    KafkaStreamsLifecycle(KafkaStreams streams, Duration closeTimeout) {
        this.streams = streams;
        this.closeTimeout = closeTimeout;
    }

    @Override
    public void start() {
        streams.setStateListener((now, before) -> log.info("Kafka Streams state {} -> {}", before, now));
        // A thread that dies on an unexpected error is replaced; poison records never get here (dead letters).
        streams.setUncaughtExceptionHandler(error -> {
            log.error("Stream thread failed; replacing it", error);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        // Leave the group so the partitions move to a standby at once instead of after the session timeout.
        if (!streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(closeTimeout))) {
            log.warn("Kafka Streams did not close within {}", closeTimeout);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
