package io.gream.engine.topology;

import io.gream.contracts.CommandLogEntry;
import io.gream.contracts.Tick;
import io.gream.contracts.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.Stores;

import java.util.Optional;
import java.util.Set;

/**
 * Builds the bid-engine topology: commands in, decisions out, ticks back into the command topic.
 *
 * <pre>
 *  gream.auction-commands ─► auction-command-processor ─► gream.auction-events
 *          ▲             └─► partition-ticker ──┐           (auction-store, auction-deadline-store,
 *          └────────────── ticks-sink ◄─────────┘            decided-command-store, bid-history-store;
 *                                                             the ticker reads auction-deadline-store)
 * </pre>
 *
 * Every node and store is named here: generated names would change whenever the topology does and orphan the
 * state of a running deployment. A plain class, so tests and the docs generator build exactly what the
 * application runs.
 */
public final class BidEngineTopology {

    public static final String COMMANDS_SOURCE = "auction-commands-source";
    public static final String COMMAND_PROCESSOR = "auction-command-processor";
    public static final String PARTITION_TICKER = "partition-ticker";
    public static final String EVENTS_SINK = "auction-events-sink";
    public static final String TICKS_SINK = "ticks-sink";

    /** Auction state by auction id. */
    public static final String AUCTION_STORE = "auction-store";
    /** What is due when: auctions to close at {@code endsAt}, ended ones to purge after the retention. */
    public static final String DEADLINE_STORE = "auction-deadline-store";
    /** The outcome of every decided command, keyed auction id then command id. */
    public static final String DECIDED_COMMAND_STORE = "decided-command-store";
    /** The public bids and proxy raises of each auction, the last ones kept, keyed auction id then position. */
    public static final String BID_HISTORY_STORE = "bid-history-store";

    private BidEngineTopology() {
    }

    /** The topology without metrics, as tests and tools build it. */
    public static Topology build(BidEngineConfig config) {
        return build(config, EngineObserver.NONE);
    }

    public static Topology build(BidEngineConfig config, EngineObserver observer) {
        Topology topology = new Topology();
        topology.addSource(COMMANDS_SOURCE, Topics.AUCTION_COMMANDS.keySerde().deserializer(),
                Topics.AUCTION_COMMANDS.valueSerde().deserializer(), Topics.AUCTION_COMMANDS.name());

        topology.addProcessor(COMMAND_PROCESSOR, () -> new AuctionCommandProcessor(config, observer), COMMANDS_SOURCE);
        topology.addProcessor(PARTITION_TICKER, () -> new PartitionTicker(config.tickInterval()), COMMANDS_SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(AUCTION_STORE),
                Serdes.String(), StoreCodec.AUCTION).withCachingEnabled(), COMMAND_PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DEADLINE_STORE),
                DeadlineKey.SERDE, DeadlineAction.SERDE), COMMAND_PROCESSOR, PARTITION_TICKER);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DECIDED_COMMAND_STORE),
                Serdes.String(), StoreCodec.OUTCOME), COMMAND_PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BID_HISTORY_STORE),
                Serdes.String(), StoreCodec.HISTORY), COMMAND_PROCESSOR);
        topology.addSink(EVENTS_SINK, Topics.AUCTION_EVENTS.name(), Topics.AUCTION_EVENTS.keySerde().serializer(),
                Topics.AUCTION_EVENTS.valueSerde().serializer(), COMMAND_PROCESSOR);

        StreamPartitioner<String, CommandLogEntry> ownPartition = (topic, key, tick, partitions) ->
                Optional.of(Set.of(((Tick) tick).partition()));
        topology.addSink(TICKS_SINK, Topics.AUCTION_COMMANDS.name(), Topics.AUCTION_COMMANDS.keySerde().serializer(),
                Topics.AUCTION_COMMANDS.valueSerde().serializer(), ownPartition, PARTITION_TICKER);
        return topology;
    }
}
