package io.gream.analytics;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Ranks auctions by the bids they accepted in the last minute, read from the per-second counts of
 * {@link AnalyticsTopology#ACCEPTED_BIDS_STORE}.
 *
 * <p>"The last minute as of {@code t}" is the sixty one-second buckets ending with the one that holds {@code t}:
 * a bid counts from its second until sixty seconds after that second began. Only this instance's partitions are
 * seen; several instances would each answer for their own share of the auctions.
 */
public final class HotAuctions {

    private final Supplier<ReadOnlyWindowStore<String, Long>> store;

    /** @param store looked up on every query, since Kafka Streams may replace it during a rebalance */
    public HotAuctions(Supplier<ReadOnlyWindowStore<String, Long>> store) {
        this.store = store;
    }

    /** The {@code limit} auctions with the most accepted bids in the minute up to {@code asOf}, busiest first. */
    public List<HotAuction> top(Instant asOf, int limit) {
        long bucket = AnalyticsTopology.BUCKET.toMillis();
        long buckets = AnalyticsTopology.HOT_WINDOW.toMillis() / bucket;
        long lastStart = Math.floorDiv(asOf.toEpochMilli(), bucket) * bucket;
        Instant firstStart = Instant.ofEpochMilli(lastStart - (buckets - 1) * bucket);

        Map<String, Long> bids = new HashMap<>();
        try (KeyValueIterator<Windowed<String>, Long> counts =
                     store.get().fetchAll(firstStart, Instant.ofEpochMilli(lastStart))) {
            while (counts.hasNext()) {
                KeyValue<Windowed<String>, Long> count = counts.next();
                bids.merge(count.key.key(), count.value, Long::sum);
            }
        }
        return bids.entrySet().stream()
                .map(entry -> new HotAuction(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingLong(HotAuction::acceptedBids).reversed()
                        .thenComparing(HotAuction::auctionId))
                .limit(limit)
                .toList();
    }

    /** An auction and how many bids it accepted in the window; ties are ordered by id. */
    public record HotAuction(String auctionId, long acceptedBids) {
    }
}
