package io.gream.analytics.tap;

import io.gream.contracts.AuctionEvent;
import io.gream.contracts.SequencedEvent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a tap can tell from an event's identity alone: whether it is new, a duplicate, or arrives after a gap.
 *
 * <p>Events that change an auction carry {@code seq}, gapless and 1-based per auction, in order within the
 * auction's partition: one at or below the last seen is a duplicate, one more than a step ahead means events in
 * between were never seen (the tap started late, or retention removed them). Rejections carry no {@code seq}; their
 * {@code eventId} ({@code auctionId:cmd:commandId}) is unique, so they are recognised by id.
 *
 * <p>Duplicates reach a tap when it re-reads records it handled but had not committed the offsets of, after a crash
 * or a rebalance. This class keeps its memory in the process and bounded (least recently seen auctions are
 * forgotten first), which covers a rebalance; a tap that must never double-count after a crash stores the last
 * {@code seq} per auction with its results, in the same transaction. Not thread-safe: one per consumer.
 */
public final class EventSequence {

    /** How an event relates to what was seen before. */
    public enum Verdict {
        /** Seen for the first time, and nothing before it is missing. */
        NEW,
        /** Seen before; handle it again only if handling is idempotent. */
        DUPLICATE,
        /** New, but events of the same auction before it were never seen. */
        GAP
    }

    private final Map<String, Long> lastSeqByAuction;
    private final Map<String, Boolean> seenRejections;

    /** @param capacity how many auctions and how many rejections it remembers, each */
    public EventSequence(int capacity) {
        this.lastSeqByAuction = bounded(capacity);
        this.seenRejections = bounded(capacity);
    }

    public Verdict observe(AuctionEvent event) {
        if (event instanceof SequencedEvent sequenced) {
            long last = lastSeqByAuction.getOrDefault(sequenced.auctionId(), 0L);
            if (sequenced.seq() <= last) {
                return Verdict.DUPLICATE;
            }
            lastSeqByAuction.put(sequenced.auctionId(), sequenced.seq());
            return sequenced.seq() == last + 1 ? Verdict.NEW : Verdict.GAP;
        }
        return seenRejections.put(event.eventId(), Boolean.TRUE) == null ? Verdict.NEW : Verdict.DUPLICATE;
    }

    private static <V> Map<String, V> bounded(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
