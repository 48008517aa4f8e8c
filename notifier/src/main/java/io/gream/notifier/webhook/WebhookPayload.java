package io.gream.notifier.webhook;

import io.gream.notifier.inbox.StoredNotification;

import java.time.Instant;

/**
 * The JSON body of a webhook delivery: the notification as the inbox shows it. Receivers should ignore unknown
 * properties; fields are only ever added.
 *
 * @param id the notification's inbox id
 */
record WebhookPayload(long id, String eventId, String type, String recipientId, String auctionId, Long amount,
                      String message, Instant occurredAt) {

    static WebhookPayload of(StoredNotification n) {
        return new WebhookPayload(n.id(), n.eventId(), n.type().name(), n.recipientId(), n.auctionId(), n.amount(),
                n.message(), n.occurredAt());
    }
}
