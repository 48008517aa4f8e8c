package io.gream.notifier.webhook;

import java.time.Instant;

/** A user's registered endpoint. The secret never leaves the service after registration. */
record Webhook(String id, String ownerId, String url, String secret, Instant createdAt) {
}
