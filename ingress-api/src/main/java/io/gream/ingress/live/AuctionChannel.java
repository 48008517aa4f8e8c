package io.gream.ingress.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One auction's recent sequenced events (consecutive by {@code seq}, at most {@code capacity}) and its open streams.
 * The tail appends; request threads join; the fan-out thread reads a {@link #snapshot()} and sends. Guarded by its
 * own lock, held only for list operations, never while sending.
 */
final class AuctionChannel {

    private final int capacity;
    private final ArrayDeque<LiveEvent> buffer = new ArrayDeque<>();
    private final List<LiveStream> streams = new ArrayList<>();

    AuctionChannel(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Adds the event unless it was seen already (read uncommitted, an aborted decision and its identical
     * re-decision both arrive). A {@code seq} of 1 starts over: the auction id was opened anew after the old
     * auction was purged.
     *
     * @return whether the event is new
     */
    synchronized boolean append(LiveEvent event) {
        LiveEvent newest = buffer.peekLast();
        if (event.seq() == 1) {
            buffer.clear();
        } else if (newest != null && event.seq() <= newest.seq()) {
            return false;
        } else if (newest != null && event.seq() != newest.seq() + 1) {
            buffer.clear(); // cannot happen within one partition; keep the buffer consecutive all the same
        }
        buffer.addLast(event);
        if (buffer.size() > capacity) {
            buffer.removeFirst();
        }
        return true;
    }

    /**
     * Adds a stream, setting where it starts: after {@code lastEventId} when given (asking for a reset when the
     * buffer cannot show that nothing was missed since), else at the newest event (the auction's final event, if
     * it ended, so a late watcher still learns that and the stream ends).
     */
    synchronized void join(LiveStream stream, Long lastEventId) {
        LiveEvent oldest = buffer.peekFirst();
        LiveEvent newest = buffer.peekLast();
        if (lastEventId == null) {
            stream.startAfter(newest == null ? -1 : newest.last() ? newest.seq() - 1 : newest.seq(), newest != null);
        } else if (oldest != null && oldest.seq() <= lastEventId + 1) {
            stream.startAfter(lastEventId, true);
        } else {
            stream.resetThenStartAfter(newest == null ? lastEventId : newest.seq(), newest != null);
        }
        streams.add(stream);
    }

    synchronized void leave(LiveStream stream) {
        streams.remove(stream);
    }

    synchronized boolean watched() {
        return !streams.isEmpty();
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(List.copyOf(buffer), List.copyOf(streams));
    }

    record Snapshot(List<LiveEvent> events, List<LiveStream> streams) {
    }
}
