package io.gream.analytics;

import io.gream.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where the example runs and the Kafka Streams settings it runs with.
 *
 * <p>It reads with {@code isolation.level=read_committed}: the bid-engine writes events in exactly-once
 * transactions, and a tap reading uncommitted data would count decisions that were later aborted. Kafka Streams
 * sets that itself only under exactly-once, so it is set here explicitly; the example runs at-least-once, which
 * after a crash may count a few bids twice (set {@code processing.guarantee=exactly_once_v2} for exact counts, at
 * the cost of transactions). Records it cannot read go to {@code gream.dead-letters} and processing continues.
 *
 * @param bootstrapServers the Kafka cluster ({@code KAFKA_BOOTSTRAP_SERVERS})
 * @param stateDir         where the stores live; durable, so a restart does not re-read the whole topic
 * @param httpPort         port of the JSON API ({@code GREAM_ANALYTICS_PORT})
 */
public record AnalyticsSettings(String bootstrapServers, Path stateDir, int httpPort) {

    public static final String APPLICATION_ID = "gream-analytics-example";

    /** From environment variables, with the defaults of a local broker. */
    public static AnalyticsSettings fromEnvironment(Map<String, String> env) {
        Path dataDir = Path.of(env.getOrDefault("GREAM_DATA_DIR",
                Path.of(System.getProperty("user.home"), ".gream").toString()));
        return new AnalyticsSettings(env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"),
                dataDir.resolve("analytics-example").resolve("state"),
                Integer.parseInt(env.getOrDefault("GREAM_ANALYTICS_PORT", "8090")));
    }

    public Properties streamsProperties() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG),
                IsolationLevel.READ_COMMITTED.toString());
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTERS.name());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueProcessingExceptionHandler.class.getName());
        return props;
    }
}
