package io.gream.perf.baseline;

import io.gream.childjvm.ExecJars;
import io.gream.perf.load.Drive;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.UrlResource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * The floor under the engine: a Kafka Streams application that does per record what any stateful exactly-once
 * processor must (one store get and put, one forward) and nothing of Gream's (no JSON, no rules), on byte arrays.
 * It takes the engine's own Kafka Streams settings from {@code bid-engine.yml} on the classpath (commit interval,
 * cache, threads, producer and consumer overrides; those built from placeholders are left out), so
 * "engine / bare" is the cost of Gream's logic. Runs inside the harness JVM, beside the broker, not in a JVM of
 * its own like the engine.
 */
final class BareStreamsProcessor implements AutoCloseable {

    private static final String STORE = "bare-store";
    private static final String ENGINE_SETTINGS = "spring.kafka.streams.properties.";

    private final KafkaStreams streams;

    BareStreamsProcessor(String bootstrapServers, String applicationId, String in, String out, Path stateDir) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE),
                Serdes.ByteArray(), Serdes.ByteArray()));
        builder.stream(in, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("bare-source"))
                .process(GetPutForward::new, Named.as("bare-get-put-forward"), STORE)
                .to(out, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("bare-sink"));
        Properties settings = engineSettings();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        settings.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        settings.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        streams = new KafkaStreams(builder.build(), settings);
        streams.start();
        Drive.await("the bare Streams processor to run", Duration.ofSeconds(60), () -> {
            if (!streams.state().isRunningOrRebalancing()) {
                throw new IllegalStateException("bare Streams processor not running: " + streams.state());
            }
            return streams.state() == KafkaStreams.State.RUNNING;
        });
    }

    /**
     * The engine's literal Kafka Streams properties (placeholders need the engine's own context: left out), read
     * from {@code bid-engine.yml} in the engine's {@code -exec} jar, the one the engine phases run.
     */
    static Properties engineSettings() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(UrlResource.from("jar:" + ExecJars.find("bid-engine").toUri()
                + "!/BOOT-INF/classes/bid-engine.yml"));
        Properties settings = new Properties();
        yaml.getObject().forEach((key, value) -> {
            String name = key.toString().replace("properties[", "properties.").replace("]", "");
            if (name.startsWith(ENGINE_SETTINGS) && !value.toString().contains("${")) {
                settings.put(name.substring(ENGINE_SETTINGS.length()), value.toString());
            }
        });
        return settings;
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
    }

    /** One store read, one store write and one forward per record. */
    private static final class GetPutForward implements Processor<byte[], byte[], byte[], byte[]> {

        private KeyValueStore<byte[], byte[]> store;
        private ProcessorContext<byte[], byte[]> context;

        @Override
        public void init(ProcessorContext<byte[], byte[]> context) {
            this.context = context;
            this.store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<byte[], byte[]> record) {
            store.get(record.key());
            store.put(record.key(), record.value());
            context.forward(record);
        }
    }
}
