package io.gream.notifier.webhook;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;

/**
 * The {@code webhook_delivery} table: one row per (webhook, notification), written in the same transaction as the
 * notification, then attempted until delivered or given up.
 *
 * <p>Replicas share the table. A replica claims a due row by moving its {@code next_attempt_at_ms} forward by a
 * lease with a compare-and-set update: only one replica's update matches, and if that replica dies mid-attempt the
 * lease runs out and another one retries.
 */
@Repository
public class DeliveryOutbox {

    static final String PENDING = "PENDING";
    static final String DELIVERED = "DELIVERED";
    static final String FAILED = "FAILED";

    /**
     * A due delivery with what is needed to make it.
     *
     * @param previousSecret          the secret before the last rotation, or {@code null}
     * @param previousSecretExpiresAt until when it still signs, or {@code null}
     */
    record Due(long id, String webhookId, String url, String secret, String previousSecret,
               Instant previousSecretExpiresAt, long notificationId, int attempts, long nextAttemptAtMs) {

        /** The current secret, and the previous one while its grace period lasts. */
        List<String> signingSecrets(Instant at) {
            return previousSecret != null && previousSecretExpiresAt != null && at.isBefore(previousSecretExpiresAt)
                    ? List.of(secret, previousSecret) : List.of(secret);
        }
    }

    private final JdbcTemplate jdbc;

    DeliveryOutbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a delivery of the notification to each of the recipient's webhooks; call in the recording transaction. */
    public int enqueue(String recipientId, long notificationId, Instant now) {
        return jdbc.update("INSERT INTO webhook_delivery (webhook_id, notification_id, status, attempts,"
                + " next_attempt_at_ms) SELECT id, ?, 'PENDING', 0, ? FROM webhook WHERE owner_id = ?",
                notificationId, now.toEpochMilli(), recipientId);
    }

    List<Due> due(Instant now, int limit) {
        return jdbc.query("SELECT d.id, d.webhook_id, w.url, w.secret, w.previous_secret,"
                        + " w.previous_secret_expires_at_ms, d.notification_id, d.attempts, d.next_attempt_at_ms"
                        + " FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id"
                        + " WHERE d.status = 'PENDING' AND d.next_attempt_at_ms <= ? ORDER BY d.next_attempt_at_ms"
                        + " LIMIT ?",
                (rs, i) -> {
                    long expiresAtMs = rs.getLong(6);
                    Instant expiresAt = rs.wasNull() ? null : Instant.ofEpochMilli(expiresAtMs);
                    return new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), expiresAt, rs.getLong(7), rs.getInt(8), rs.getLong(9));
                }, now.toEpochMilli(), limit);
    }

    /** @return true if this replica now owns the attempt until {@code leaseUntil} */
    boolean claim(Due due, Instant leaseUntil) {
        return jdbc.update("UPDATE webhook_delivery SET next_attempt_at_ms = ? WHERE id = ? AND status = 'PENDING'"
                + " AND next_attempt_at_ms = ?", leaseUntil.toEpochMilli(), due.id(), due.nextAttemptAtMs()) == 1;
    }

    void delivered(long id, Instant now) {
        jdbc.update("UPDATE webhook_delivery SET status = 'DELIVERED', attempts = attempts + 1, delivered_at_ms = ?,"
                + " last_error = NULL WHERE id = ?", now.toEpochMilli(), id);
    }

    void failed(long id, Instant nextAttempt, String error) {
        jdbc.update("UPDATE webhook_delivery SET attempts = attempts + 1, next_attempt_at_ms = ?, last_error = ?"
                + " WHERE id = ?", nextAttempt.toEpochMilli(), truncate(error), id);
    }

    void gaveUp(long id, String error) {
        jdbc.update("UPDATE webhook_delivery SET status = 'FAILED', attempts = attempts + 1, last_error = ?"
                + " WHERE id = ?", truncate(error), id);
    }

    /** Puts a claimed delivery back without counting an attempt (endpoint busy or its circuit open). */
    void defer(long id, Instant nextAttempt) {
        jdbc.update("UPDATE webhook_delivery SET next_attempt_at_ms = ? WHERE id = ?", nextAttempt.toEpochMilli(), id);
    }

    private static String truncate(String error) {
        return error == null ? null : error.length() <= 500 ? error : error.substring(0, 500);
    }
}
