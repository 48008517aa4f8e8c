package io.gream.contracts;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;

import java.util.Map;

/**
 * Kafka serde for a contract type, using {@link GreamJson}.
 *
 * <p>Anything that is not a well-formed value of the type (malformed JSON, unknown {@code type}, a missing
 * required field, an empty or absent payload) throws {@link SerializationException}, so Kafka's error handling
 * sends it to the dead-letter topic; a {@code null} never flows on as if it were a value.
 *
 * @param <T> the contract type, usually a sealed interface such as {@link AuctionEvent}
 */
public final class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private final Class<T> type;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    public JsonSerde(Class<T> type) {
        this.type = type;
        this.reader = GreamJson.mapper().readerFor(type);
        this.writer = GreamJson.mapper().writerFor(type);
    }

    @Override
    public byte[] serialize(String topic, T value) {
        if (value == null) {
            return null;
        }
        try {
            return writer.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new SerializationException("Cannot write " + type.getSimpleName() + " for " + topic, e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null || data.length == 0) {
            throw new SerializationException("Empty payload on " + topic + " where a " + type.getSimpleName()
                    + " was expected");
        }
        T value;
        try {
            value = reader.readValue(data);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new SerializationException("Not a valid " + type.getSimpleName() + " on " + topic + ": "
                    + e.getMessage(), e);
        }
        if (value == null) {
            throw new SerializationException("JSON null on " + topic + " where a " + type.getSimpleName()
                    + " was expected");
        }
        return value;
    }

    public Class<T> type() {
        return type;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // Nothing to configure: every Gream service reads and writes the same JSON.
    }

    @Override
    public void close() {
        // Nothing to release: the mapper is shared and stateless.
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }
}
