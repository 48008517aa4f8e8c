package io.gream.notifier.inbox;

import io.gream.auth.AuthenticatedUser;
import io.gream.support.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/** The authenticated user's inbox: newest first, paged; and marking a notification read. */
@RestController
class InboxController {

    static final int MAX_PAGE_SIZE = 100;

    private final NotificationInbox inbox;
    private final Clock clock;

    InboxController(NotificationInbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    /**
     * @param page     0-based
     * @param size     1..100
     * @param unread   how many of all the user's notifications are unread
     */
    record InboxPage(List<StoredNotification> notifications, int page, int size, long total, long unread) {
    }

    @GetMapping("/api/notifications")
    InboxPage list(AuthenticatedUser user, @RequestParam(defaultValue = "0") int page,
                   @RequestParam(defaultValue = "20") int size) {
        if (page < 0) {
            throw ProblemException.invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ProblemException.invalid("size", "must be in 1.." + MAX_PAGE_SIZE);
        }
        if ((long) page * size > 1_000_000) {
            throw ProblemException.invalid("page", "too deep; at most 1000000 notifications back");
        }
        NotificationInbox.InboxView view = inbox.view(user.userId(), page, size);
        return new InboxPage(view.notifications(), page, size, view.total(), view.unread());
    }

    /** Idempotent; {@code 404} for an id that is not the user's, so ids of others cannot be probed. */
    @PostMapping("/api/notifications/{id}/read")
    ResponseEntity<StoredNotification> markRead(AuthenticatedUser user, @PathVariable long id) {
        if (!inbox.markRead(user.userId(), id, clock.instant())) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "NOTIFICATION_NOT_FOUND",
                    "You have no notification " + id + ".");
        }
        return ResponseEntity.ok(inbox.find(id).orElseThrow());
    }
}
