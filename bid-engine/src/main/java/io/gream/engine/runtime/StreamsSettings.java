package io.gream.engine.runtime;

import io.gream.contracts.Topics;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Turns the configured Kafka Streams properties into the ones the engine runs with, and refuses to start with
 * settings that would break the design's guarantees.
 *
 * <p>Enforced, whatever the configuration says: {@code exactly_once_v2} (a crash must neither lose nor repeat a
 * decision) and poison records to {@code gream.dead-letters} while processing continues. Required: an
 * {@code application.id}, a {@code state.dir} that is not a temporary directory (state there may be wiped and
 * would be restored from the changelog on every start) and an {@code application.server} (interactive queries
 * find each key's owner through it).
 */
final class StreamsSettings {

    private StreamsSettings() {
    }

    static Properties resolve(Map<String, Object> configured) {
        Map<String, Object> settings = new HashMap<>(configured);
        settings.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        settings.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTERS.name());
        settings.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class.getName());
        settings.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueProcessingExceptionHandler.class.getName());

        require(settings, StreamsConfig.APPLICATION_ID_CONFIG, "spring.kafka.streams.application-id");
        require(settings, StreamsConfig.APPLICATION_SERVER_CONFIG,
                "spring.kafka.streams.properties[application.server] (host:port other instances reach this one at)");
        String stateDir = require(settings, StreamsConfig.STATE_DIR_CONFIG, "spring.kafka.streams.state-dir");
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        if (Path.of(stateDir).toAbsolutePath().normalize().startsWith(tmp)) {
            throw new IllegalStateException("spring.kafka.streams.state-dir (" + stateDir + ") is under " + tmp
                    + ", which the OS may clear; point it at a durable directory");
        }

        Properties properties = new Properties();
        properties.putAll(settings);
        return properties;
    }

    private static String require(Map<String, Object> settings, String key, String property) {
        Object value = settings.get(key);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalStateException("Kafka Streams setting " + key + " is required: set " + property);
        }
        return value.toString();
    }
}
