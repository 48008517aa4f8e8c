package io.gream.notifier.stream;

import io.gream.notifier.inbox.StoredNotification;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One open stream of one user. Touched only by the {@link InboxTail} thread, so it needs no locks.
 *
 * <p>It sends every notification with an id above {@code resumeAfter} exactly once: {@code sent} remembers what was
 * sent while it can still show up in the tail's look-back window, and is trimmed as rows leave the window.
 */
final class StreamConnection {

    private final String userId;
    private final SseEmitter emitter;
    private final long resumeAfter;
    private final Map<Long, Instant> sent = new HashMap<>();
    private volatile boolean open = true;

    StreamConnection(String userId, SseEmitter emitter, long resumeAfter) {
        this.userId = userId;
        this.emitter = emitter;
        this.resumeAfter = resumeAfter;
    }

    String userId() {
        return userId;
    }

    long resumeAfter() {
        return resumeAfter;
    }

    boolean isOpen() {
        return open;
    }

    void close() {
        open = false;
    }

    /** Ends the response, so the client reconnects (to another replica, on shutdown) with its Last-Event-ID. */
    void complete() {
        open = false;
        try {
            emitter.complete();
        } catch (RuntimeException alreadyGone) {
            // the client left first
        }
    }

    /** Sends the notification unless already sent or at or below where the client resumed. */
    void offer(StoredNotification notification) throws IOException {
        if (notification.id() <= resumeAfter || sent.containsKey(notification.id())) {
            return;
        }
        emitter.send(SseEmitter.event()
                .id(Long.toString(notification.id()))
                .name(notification.type().name())
                .data(notification, MediaType.APPLICATION_JSON));
        sent.put(notification.id(), notification.createdAt());
    }

    void heartbeat() throws IOException {
        emitter.send(SseEmitter.event().comment("keep-alive"));
    }

    /** Forgets rows created before {@code oldestInWindow}: the tail no longer reads them. */
    void forgetBefore(Instant oldestInWindow) {
        sent.values().removeIf(createdAt -> createdAt.isBefore(oldestInWindow));
    }
}
