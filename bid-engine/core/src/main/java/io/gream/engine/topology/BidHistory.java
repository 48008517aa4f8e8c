package io.gream.engine.topology;

import io.gream.contracts.AuctionEvent;
import io.gream.contracts.BidAccepted;
import io.gream.contracts.BidHistoryEntry;
import io.gream.contracts.BidRaisedByProxy;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The public bid history of each auction: accepted bids and the engine's proxy raises, keyed
 * {@code auctionId NUL position} (a zero-padded 1-based count) so one auction's entries are a range and the newest
 * is found by a reverse scan. Bounded: only the last {@link #KEPT_PER_AUCTION} entries of an auction are kept, and
 * an ended auction's history goes when its retention runs out.
 *
 * <p>A leader raising their own maximum without moving the price is left out: the history shows prices and
 * leaders, and that raise changed neither.
 */
final class BidHistory {

    static final int KEPT_PER_AUCTION = 100;

    private static final char SEPARATOR = '\u0000';
    private static final StringSerializer PREFIX_SERIALIZER = new StringSerializer();

    private final KeyValueStore<String, BidHistoryEntry> store;

    BidHistory(KeyValueStore<String, BidHistoryEntry> store) {
        this.store = store;
    }

    /** Adds the public step {@code event} is, if it is one. */
    void record(AuctionEvent event) {
        entryFor(event).ifPresent(entry -> {
            long position = lastPosition(store, event.auctionId()) + 1;
            store.put(key(event.auctionId(), position), entry);
            if (position > KEPT_PER_AUCTION) {
                store.delete(key(event.auctionId(), position - KEPT_PER_AUCTION));
            }
        });
    }

    void purge(String auctionId) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, BidHistoryEntry> entries = store.prefixScan(auctionId + SEPARATOR,
                PREFIX_SERIALIZER)) {
            entries.forEachRemaining(entry -> keys.add(entry.key));
        }
        keys.forEach(store::delete);
    }

    /** The auction's latest entries, newest first, at most {@code limit}. */
    static List<BidHistoryEntry> newestFirst(ReadOnlyKeyValueStore<String, BidHistoryEntry> store, String auctionId,
                                             int limit) {
        List<BidHistoryEntry> newest = new ArrayList<>(Math.min(limit, KEPT_PER_AUCTION));
        try (KeyValueIterator<String, BidHistoryEntry> entries =
                     store.reverseRange(key(auctionId, 0), key(auctionId, Long.MAX_VALUE))) {
            while (entries.hasNext() && newest.size() < limit) {
                newest.add(entries.next().value);
            }
        }
        return newest;
    }

    static Optional<BidHistoryEntry> entryFor(AuctionEvent event) {
        if (event instanceof BidAccepted bid) {
            boolean changedNothing = bid.bidderId().equals(bid.previousLeaderId())
                    && Long.valueOf(bid.amount()).equals(bid.previousAmount());
            return changedNothing ? Optional.empty() : Optional.of(new BidHistoryEntry(bid.seq(), bid.at(),
                    bid.bidderId(), bid.amount(), false, !bid.leads()));
        }
        if (event instanceof BidRaisedByProxy raise) {
            return Optional.of(new BidHistoryEntry(raise.seq(), raise.at(), raise.bidderId(), raise.amount(), true,
                    false));
        }
        return Optional.empty();
    }

    private static long lastPosition(ReadOnlyKeyValueStore<String, BidHistoryEntry> store, String auctionId) {
        try (KeyValueIterator<String, BidHistoryEntry> entries =
                     store.reverseRange(key(auctionId, 0), key(auctionId, Long.MAX_VALUE))) {
            if (!entries.hasNext()) {
                return 0;
            }
            String key = entries.next().key;
            return Long.parseLong(key.substring(key.lastIndexOf(SEPARATOR) + 1));
        }
    }

    /** Zero-padded so that keys sort by position; {@code String.format} cost a measurable share of every bid. */
    private static String key(String auctionId, long position) {
        String digits = Long.toString(position);
        return auctionId + SEPARATOR + "0".repeat(19 - digits.length()) + digits;
    }
}
