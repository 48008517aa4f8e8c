package io.gream.ingress.live;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.List;

/**
 * One open stream. Written only by the fan-out thread (after the controller's opening comment), so it needs no
 * locks; {@code open} is read by others.
 *
 * <p>It sends each event with a {@code seq} above the last one sent, in order. When it cannot show that nothing
 * was skipped (the client resumed from further back than the buffer reaches, or fell behind it), it sends
 * {@value #RESET} first: the client re-reads the auction and carries on with the events that follow.
 *
 * <p>A stream opened with a token adds the caller's own alias to each event as {@code you}, as the other public
 * reads do.
 */
final class LiveStream {

    static final String RESET = "reset";

    private final String auctionId;
    private final SseEmitter emitter;
    /** The caller's alias in the auction, or {@code null}; only {@code user-} and hex digits, no JSON escaping. */
    private final String you;
    private long lastSent;
    /** Whether {@code lastSent} is a position the buffer vouches for, so a jump past it is a gap. */
    private boolean positioned;
    private boolean resetDue;
    private volatile boolean open = true;

    LiveStream(String auctionId, SseEmitter emitter, String you) {
        this.auctionId = auctionId;
        this.emitter = emitter;
        this.you = you;
    }

    String auctionId() {
        return auctionId;
    }

    boolean isOpen() {
        return open;
    }

    void startAfter(long seq, boolean positioned) {
        this.lastSent = seq;
        this.positioned = positioned;
    }

    void resetThenStartAfter(long seq, boolean positioned) {
        startAfter(seq, positioned);
        this.resetDue = true;
    }

    /**
     * Sends what the client has not got yet.
     *
     * @return whether the stream is still open (not ended by the auction's final event, nor gone)
     * @throws IOException when the client is gone
     */
    boolean catchUp(List<LiveEvent> events) throws IOException {
        if (!open) {
            return false;
        }
        if (resetDue) {
            reset();
        }
        for (LiveEvent event : events) {
            if (event.seq() <= lastSent) {
                continue;
            }
            if (positioned && event.seq() > lastSent + 1) {
                reset(); // fell behind the buffer
            }
            emitter.send(SseEmitter.event().id(Long.toString(event.seq())).name(event.type())
                    .data(forCaller(event.json())));
            lastSent = event.seq();
            positioned = true;
            if (event.last()) {
                complete();
                return false;
            }
        }
        if (!events.isEmpty() && events.get(events.size() - 1).last()) {
            complete(); // resumed at or after the auction's final event
            return false;
        }
        return true;
    }

    void heartbeat() throws IOException {
        emitter.send(SseEmitter.event().comment("keep-alive"));
    }

    void close() {
        open = false;
    }

    /** Ends the response; a client that did not see the auction end reconnects with its Last-Event-ID. */
    void complete() {
        open = false;
        try {
            emitter.complete();
        } catch (RuntimeException alreadyGone) {
            // the client left first
        }
    }

    /** The event JSON (an object) with {@code "you"} added before its closing brace, when the caller is known. */
    private String forCaller(String json) {
        return you == null ? json : json.substring(0, json.length() - 1) + ",\"you\":\"" + you + "\"}";
    }

    private void reset() throws IOException {
        resetDue = false;
        emitter.send(SseEmitter.event().name(RESET).data("{\"auctionId\":\"" + auctionId + "\",\"reread\":\"/api"
                + "/auctions/" + auctionId + "\"}"));
    }
}
