package io.gream.engine.topology;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Auctions ordered by when they next need attention (close at {@code endsAt}, purge a retention period after they
 * ended). Finding what is due reads only the due entries plus one, never every open auction.
 *
 * <p>Keeps, in memory, a lower bound of the earliest entry, so the common case (nothing due) costs no store
 * access at all. The bound is rebuilt from the store when the task starts; it may be too early (an entry moved
 * later), which costs one short scan, never too late.
 */
final class DeadlineIndex {

    private final KeyValueStore<DeadlineKey, DeadlineAction> store;
    private long earliestDueMillis;

    DeadlineIndex(KeyValueStore<DeadlineKey, DeadlineAction> store) {
        this.store = store;
        try (KeyValueIterator<DeadlineKey, DeadlineAction> all = store.all()) {
            this.earliestDueMillis = all.hasNext() ? all.peekNextKey().dueAtMillis() : Long.MAX_VALUE;
        }
    }

    void add(Instant dueAt, String auctionId, DeadlineAction action) {
        DeadlineKey key = DeadlineKey.of(dueAt, auctionId);
        store.put(key, action);
        earliestDueMillis = Math.min(earliestDueMillis, key.dueAtMillis());
    }

    void remove(Instant dueAt, String auctionId) {
        store.delete(DeadlineKey.of(dueAt, auctionId));
    }

    /** The entries due at or before {@code now}, earliest first. They stay in the index until removed. */
    List<KeyValue<DeadlineKey, DeadlineAction>> dueBy(Instant now) {
        long nowMillis = now.toEpochMilli();
        if (nowMillis < earliestDueMillis) {
            return List.of();
        }
        List<KeyValue<DeadlineKey, DeadlineAction>> due = new ArrayList<>();
        long nextDue = Long.MAX_VALUE;
        try (KeyValueIterator<DeadlineKey, DeadlineAction> entries = store.all()) {
            while (entries.hasNext()) {
                KeyValue<DeadlineKey, DeadlineAction> entry = entries.next();
                if (entry.key.dueAtMillis() > nowMillis) {
                    nextDue = entry.key.dueAtMillis();
                    break;
                }
                due.add(entry);
            }
        }
        earliestDueMillis = nextDue;
        return due;
    }
}
