package io.gream.docs.topics;

import io.gream.contracts.Topic;

import java.util.List;
import java.util.Optional;

/**
 * One row of the topic catalog: what a topic carries, how it is configured, and who writes and reads it.
 *
 * @param name       the topic name
 * @param topic      the contract's {@link Topic}, absent for a planned topic not yet in contracts
 * @param status     {@code live}, or what it waits for, e.g. {@code planned}
 * @param key        what the record key is
 * @param valueTypes the value types with a schema, from the contract's {@code @JsonSubTypes}; empty when planned
 *                   or when the value is opaque bytes
 * @param values     how the values read in the summary, e.g. the type names or "the original bytes"
 * @param timestampType    {@code message.timestamp.type}
 * @param timestampMeaning what a record's timestamp stands for
 * @param retention  cleanup policy and retention
 * @param writers    who produces to it
 * @param readers    who consumes it
 * @param notes      anything else a producer or consumer must know
 */
record TopicEntry(
        String name,
        Optional<Topic<?, ?>> topic,
        String status,
        String key,
        List<ContractType> valueTypes,
        String values,
        String timestampType,
        String timestampMeaning,
        String retention,
        List<Party> writers,
        List<Party> readers,
        List<String> notes) {

    TopicEntry {
        valueTypes = List.copyOf(valueTypes);
        writers = List.copyOf(writers);
        readers = List.copyOf(readers);
        notes = List.copyOf(notes);
    }

    boolean planned() {
        return topic.isEmpty();
    }

    /**
     * A service that writes or reads the topic.
     *
     * @param who  the service, e.g. {@code bid-engine}
     * @param what which records, through which node, and why
     */
    record Party(String who, String what) {
    }
}
