package io.gream.engine.topology;

import io.gream.contracts.CommandOutcome;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of every command decided per auction, keyed {@code auctionId NUL commandId} so one auction's ids
 * are a prefix scan. Answers repeated commands with their original outcome, and lets the query API answer
 * "what happened to my command?".
 */
final class DecidedCommands {

    private static final char SEPARATOR = '\u0000';
    private static final StringSerializer PREFIX_SERIALIZER = new StringSerializer();

    private final KeyValueStore<String, CommandOutcome> store;

    DecidedCommands(KeyValueStore<String, CommandOutcome> store) {
        this.store = store;
    }

    static String key(String auctionId, String commandId) {
        return auctionId + SEPARATOR + commandId;
    }

    Optional<CommandOutcome> find(String auctionId, String commandId) {
        return Optional.ofNullable(store.get(key(auctionId, commandId)));
    }

    void record(CommandOutcome outcome) {
        store.put(key(outcome.auctionId(), outcome.commandId()), outcome);
    }

    /** Forgets every command decided for the auction; a retry after this is decided anew. */
    void purge(String auctionId) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, CommandOutcome> decided = store.prefixScan(auctionId + SEPARATOR,
                PREFIX_SERIALIZER)) {
            decided.forEachRemaining(entry -> keys.add(entry.key));
        }
        keys.forEach(store::delete);
    }
}
