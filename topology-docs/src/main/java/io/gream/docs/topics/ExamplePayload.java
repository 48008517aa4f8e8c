package io.gream.docs.topics;

import io.gream.contracts.GreamJson;
import io.gream.contracts.JsonSerde;
import io.gream.contracts.Topic;

/**
 * One example value of a topic, written by the topic's own serde: the bytes a consumer really receives.
 *
 * @param topic the topic it travels on
 * @param type  its contract type
 * @param value the record
 * @param json  {@code value} as the topic's value serde writes it
 */
record ExamplePayload(Topic<?, ?> topic, ContractType type, Object value, byte[] json) {

    static ExamplePayload of(Topic<?, ?> topic, ContractType type, EngineScenario scenario) {
        Object value = scenario.exampleOf(type.recordClass()).orElseThrow(() -> new IllegalStateException(
                "The example scenario produced no " + type.name() + "; extend EngineScenario"));
        return new ExamplePayload(topic, type, value, write(topic, value));
    }

    /** The payload indented for reading; property order and values unchanged. */
    String indented() {
        return GreamJson.mapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(GreamJson.mapper().readTree(json));
    }

    @Override
    public String toString() {
        return type.name() + " on " + topic.name();
    }

    /** {@code value} as {@code topic}'s value serde writes it. */
    static <V> byte[] write(Topic<?, V> topic, Object value) {
        if (!(topic.valueSerde() instanceof JsonSerde<V> serde)) {
            throw new IllegalArgumentException(topic.name() + " has no JSON contract values");
        }
        return serde.serialize(topic.name(), serde.type().cast(value));
    }
}
