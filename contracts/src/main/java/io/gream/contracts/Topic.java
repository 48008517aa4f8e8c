package io.gream.contracts;

import org.apache.kafka.common.serialization.Serde;

import java.util.Map;

/**
 * A Gream topic: its name, the serdes of its keys and values, and the topic-level configs it must have wherever it
 * is created (partitions and replication are deployment choices and live in each service's configuration).
 *
 * @param configs topic configs that the design requires, e.g. {@code message.timestamp.type=LogAppendTime}
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, Map<String, String> configs) {

    public Topic {
        configs = Map.copyOf(configs);
    }
}
