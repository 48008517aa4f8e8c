package io.gream.analytics;

import io.gream.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyticsSettingsTest {

    private final AnalyticsSettings settings = new AnalyticsSettings("broker:9092", Path.of("/srv/gream/state"), 8090);

    @Test
    void readsOnlyEventsTheEngineCommittedEvenWithoutExactlyOnce() {
        StreamsConfig config = new StreamsConfig(settings.streamsProperties());

        assertThat(config.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.AT_LEAST_ONCE);
        assertThat(config.getMainConsumerConfigs("group", "client", 0))
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    }

    @Test
    void sendsUnreadableEventsToTheDeadLetterTopic() {
        assertThat(settings.streamsProperties())
                .containsEntry(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTERS.name());
    }

    @Test
    void keepsItsStateUnderTheGreamDataDirectory() {
        AnalyticsSettings fromEnv = AnalyticsSettings.fromEnvironment(Map.of(
                "GREAM_DATA_DIR", "/srv/gream", "KAFKA_BOOTSTRAP_SERVERS", "k1:9092,k2:9092",
                "GREAM_ANALYTICS_PORT", "9100"));

        assertThat(fromEnv).isEqualTo(new AnalyticsSettings("k1:9092,k2:9092",
                Path.of("/srv/gream/analytics-example/state"), 9100));
    }

    @Test
    void defaultsToALocalBrokerAndTheHomeDirectory() {
        AnalyticsSettings defaults = AnalyticsSettings.fromEnvironment(Map.of());

        assertThat(defaults.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(defaults.stateDir())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".gream", "analytics-example", "state"));
        assertThat(defaults.httpPort()).isEqualTo(8090);
    }
}
