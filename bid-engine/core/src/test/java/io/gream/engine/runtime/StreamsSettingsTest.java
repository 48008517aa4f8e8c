package io.gream.engine.runtime;

import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class StreamsSettingsTest {

    private final Map<String, Object> configured = new HashMap<>(Map.of(
            StreamsConfig.APPLICATION_ID_CONFIG, "gream-bid-engine",
            StreamsConfig.APPLICATION_SERVER_CONFIG, "engine-1:8081",
            StreamsConfig.STATE_DIR_CONFIG, Path.of("target", "state").toAbsolutePath().toString(),
            StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE));

    @Test
    void enforcesExactlyOnceAndDeadLettersWhateverIsConfigured() {
        Properties resolved = StreamsSettings.resolve(configured);

        assertThat(resolved).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "gream.dead-letters")
                .containsEntry(StreamsConfig.APPLICATION_SERVER_CONFIG, "engine-1:8081");
    }

    @Test
    void refusesKafkaStreamsDefaultStateDirectoryInTheTemporaryFolder() {
        configured.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/kafka-streams");

        assertThatIllegalStateException().isThrownBy(() -> StreamsSettings.resolve(configured))
                .withMessageContaining("state-dir");
    }

    @Test
    void refusesToStartWithoutApplicationServer() {
        configured.remove(StreamsConfig.APPLICATION_SERVER_CONFIG);

        assertThatIllegalStateException().isThrownBy(() -> StreamsSettings.resolve(configured))
                .withMessageContaining("application.server");
    }

    @Test
    void refusesToStartWithoutStateDir() {
        configured.put(StreamsConfig.STATE_DIR_CONFIG, " ");

        assertThatIllegalStateException().isThrownBy(() -> StreamsSettings.resolve(configured))
                .withMessageContaining("spring.kafka.streams.state-dir");
    }
}
