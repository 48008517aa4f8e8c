package io.gream.notifier.notification;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing to tell one user, derived from one event. {@code (eventId, recipientId)} identifies it: the same event
 * redelivered yields the same notification, which is how the inbox stores it once.
 *
 * @param eventId     the source event's {@code eventId}
 * @param amount      the amount that matters to the recipient, in minor units (the new highest bid, the price, ...),
 *                    absent when there is none
 * @param occurredAt  the event's logical time
 */
public record Notification(
        String eventId,
        String recipientId,
        NotificationType type,
        String auctionId,
        Long amount,
        String message,
        Instant occurredAt) {

    public Notification {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(auctionId, "auctionId");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
