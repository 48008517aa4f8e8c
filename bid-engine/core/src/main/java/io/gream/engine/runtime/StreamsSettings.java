package io.gream.engine.runtime;

import io.gream.contracts.Topics;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * {@code application.id}, an explicit {@code state.dir} other than Kafka Streams' default
 * {@code <tmpdir>/kafka-streams} (a temporary folder may be wiped, and every start would then restore all state
 * from the changelog), and an {@code application.server} (interactive queries find each key's owner through it).
 * Any other state directory under the temporary folder is allowed with a warning.
 */
public final class StreamsSettings {

    private static final Logger log = LoggerFactory.getLogger(StreamsSettings.class);

    private StreamsSettings() {
    }

    public static Properties resolve(Map<String, Object> configured) {
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
        Path state = Path.of(stateDir).toAbsolutePath().normalize();
        if (state.equals(tmp) || state.equals(tmp.resolve("kafka-streams"))) {
            throw new IllegalStateException("spring.kafka.streams.state-dir (" + stateDir + ") is the temporary "
                    + "folder Kafka Streams falls back to, which the OS may clear; point it at a durable directory");
        }
        if (state.startsWith(tmp)) {
            log.warn("spring.kafka.streams.state-dir {} is under {}; if the OS clears it, every start restores all "
                    + "state from the changelog", stateDir, tmp);
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
