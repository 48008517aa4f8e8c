package io.gream.notifier.inbox;

import io.gream.notifier.notification.NotificationType;

import java.time.Instant;

/**
 * A notification as the inbox holds it, and as the API, the stream and webhooks show it.
 *
 * @param id        the inbox row id: increasing, so it orders a user's notifications and is the stream's event id
 * @param eventId   the source event's id
 * @param readAt    when the recipient marked it read, absent while unread
 */
public record StoredNotification(
        long id,
        String eventId,
        String recipientId,
        NotificationType type,
        String auctionId,
        Long amount,
        String message,
        Instant occurredAt,
        Instant createdAt,
        Instant readAt) {
}
