package io.gream.notifier.stream;

import io.gream.auth.AuthenticatedUser;
import io.gream.support.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/notifications/stream}: the user's notifications as server-sent events, as they arrive. Each event
 * has the inbox id as its {@code id} and the notification type as its {@code event} name; a client that reconnects
 * with {@code Last-Event-ID} (browsers do so by themselves) first gets every notification after that id.
 */
@RestController
class NotificationStreamController {

    private final InboxTail tail;
    private final StreamProperties properties;

    NotificationStreamController(InboxTail tail, StreamProperties properties) {
        this.tail = tail;
        this.properties = properties;
    }

    @GetMapping(path = "/api/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(AuthenticatedUser user,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        long resumeAfter;
        if (lastEventId == null || lastEventId.isBlank()) {
            resumeAfter = tail.currentPosition(user.userId());
        } else {
            try {
                resumeAfter = Long.parseLong(lastEventId.trim());
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("Last-Event-ID", "must be the id of a notification event");
            }
            if (resumeAfter < 0) {
                throw ProblemException.invalid("Last-Event-ID", "must be the id of a notification event");
            }
        }
        if (tail.connectionsOf(user.userId()) >= properties.maxConnectionsPerUser()) {
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_STREAMS",
                    "You have " + properties.maxConnectionsPerUser() + " open streams on this replica already.");
        }
        SseEmitter emitter = new SseEmitter(properties.timeout().toMillis());
        StreamConnection connection = new StreamConnection(user.userId(), emitter, resumeAfter);
        emitter.onCompletion(connection::close);
        emitter.onTimeout(connection::close);
        emitter.onError(e -> connection.close());
        try {
            // sent before the tail knows the connection, so no two threads write to it at once; commits the headers
            emitter.send(SseEmitter.event().comment("stream open"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        tail.join(connection);
        return emitter;
    }
}
