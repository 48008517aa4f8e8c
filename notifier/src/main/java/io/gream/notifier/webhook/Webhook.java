package io.gream.notifier.webhook;

import java.time.Instant;

/**
 * A user's registered endpoint. The secret never leaves the service after registration (or rotation).
 *
 * @param previousSecretExpiresAt while in the future, the secret before the last rotation still signs too;
 *                                {@code null} when the secret was never rotated
 */
record Webhook(String id, String ownerId, String url, String secret, Instant createdAt,
               Instant previousSecretExpiresAt) {
}
