package io.gream.engine.query;

import io.gream.contracts.AuctionView;
import io.gream.contracts.BidHistoryEntry;
import io.gream.contracts.CommandOutcome;
import io.gream.engine.auction.Auction;
import io.gream.engine.topology.AuctionStoreQueries;
import io.gream.engine.topology.BidEngineTopology;
import io.gream.engine.topology.DeadlineAction;
import io.gream.engine.topology.DeadlineKey;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Knows where each auction lives and reads this instance's copies of it. Kafka Streams' metadata names the
 * instance hosting the active copy of an auction's partition and those hosting standbys; reads here never
 * forward (see {@link EngineForwarder}) and fail with {@link EngineUnavailableException} instead of a
 * Kafka Streams exception, so a rebalance is a {@code 503}.
 */
final class AuctionLocator {

    private final KafkaStreams streams;
    private final HostInfo self;

    AuctionLocator(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    HostInfo self() {
        return self;
    }

    /** Where the auction's partition is hosted, active and standbys. */
    KeyQueryMetadata locate(String auctionId) {
        KeyQueryMetadata metadata;
        try {
            metadata = streams.queryMetadataForKey(BidEngineTopology.AUCTION_STORE, auctionId,
                    Serdes.String().serializer());
        } catch (IllegalStateException e) {
            throw new EngineUnavailableException("the engine is not running", e);
        }
        if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw new EngineUnavailableException("the engine is rebalancing");
        }
        return metadata;
    }

    /** Every engine instance in the group, this one included. */
    Set<HostInfo> allHosts() {
        try {
            return streams.metadataForAllStreamsClients().stream().map(StreamsMetadata::hostInfo)
                    .collect(Collectors.toSet());
        } catch (IllegalStateException e) {
            throw new EngineUnavailableException("the engine is not running", e);
        }
    }

    /**
     * Reads the auction from this instance's copy of {@code partition}.
     *
     * @param standby read a standby copy and report how far behind it is
     */
    Optional<AuctionView> auction(String auctionId, int partition, boolean standby) {
        return auction(auctionId, partition, standby, null);
    }

    /** As {@link #auction(String, int, boolean)}, showing {@code viewer} their own maximum if they lead. */
    Optional<AuctionView> auction(String auctionId, int partition, boolean standby, String viewer) {
        ReadOnlyKeyValueStore<String, Auction> store = store(BidEngineTopology.AUCTION_STORE, partition, standby);
        Auction auction = read(() -> store.get(auctionId));
        return Optional.ofNullable(auction).map(a -> AuctionViews.of(a, standby ? lag(partition) : null, viewer));
    }

    /**
     * The auction's latest public bids and proxy raises from this instance's copy, newest first; empty when the
     * auction is unknown here.
     */
    Optional<List<BidHistoryEntry>> bidHistory(String auctionId, int partition, boolean standby, int limit) {
        ReadOnlyKeyValueStore<String, Auction> auctions =
                store(BidEngineTopology.AUCTION_STORE, partition, standby);
        ReadOnlyKeyValueStore<String, BidHistoryEntry> history =
                store(BidEngineTopology.BID_HISTORY_STORE, partition, standby);
        return read(() -> auctions.get(auctionId) == null ? Optional.empty()
                : Optional.of(AuctionStoreQueries.bidHistory(history, auctionId, limit)));
    }

    Optional<CommandOutcome> outcome(String auctionId, String commandId, int partition) {
        ReadOnlyKeyValueStore<String, CommandOutcome> store =
                store(BidEngineTopology.DECIDED_COMMAND_STORE, partition, false);
        return read(() -> AuctionStoreQueries.outcome(store, auctionId, commandId));
    }

    /** Open auctions on this instance's active partitions ending before {@code endingBefore}, soonest first. */
    List<AuctionView> openEndingBefore(Instant endingBefore, int limit) {
        List<AuctionView> open = new ArrayList<>();
        for (int partition : activePartitions()) {
            ReadOnlyKeyValueStore<DeadlineKey, DeadlineAction> deadlines =
                    store(BidEngineTopology.DEADLINE_STORE, partition, false);
            ReadOnlyKeyValueStore<String, Auction> auctions =
                    store(BidEngineTopology.AUCTION_STORE, partition, false);
            read(() -> AuctionStoreQueries.openEndingBefore(deadlines, auctions, endingBefore, limit))
                    .forEach(auction -> open.add(AuctionViews.of(auction, null)));
        }
        return open;
    }

    private List<Integer> activePartitions() {
        return streams.metadataForLocalThreads().stream()
                .flatMap(thread -> thread.activeTasks().stream())
                .map(task -> task.taskId().partition())
                .toList();
    }

    private Long lag(int partition) {
        try {
            LagInfo lag = streams.allLocalStorePartitionLags().get(BidEngineTopology.AUCTION_STORE).get(partition);
            return lag == null ? 0L : lag.offsetLag();
        } catch (RuntimeException e) {
            return -1L; // lag unknown right now: still stale, just not measurable
        }
    }

    private <K, V> ReadOnlyKeyValueStore<K, V> store(String name, int partition, boolean stale) {
        StoreQueryParameters<ReadOnlyKeyValueStore<K, V>> query =
                StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<K, V>keyValueStore())
                        .withPartition(partition);
        try {
            return streams.store(stale ? query.enableStaleStores() : query);
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw new EngineUnavailableException("partition " + partition + " is not readable here now", e);
        }
    }

    private static <T> T read(Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidStateStoreException e) {
            throw new EngineUnavailableException("the store moved while being read", e);
        }
    }
}
