package io.gream.notifier.webhook;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code webhook} table: each user's endpoints and their signing secrets. */
@Repository
class WebhookRegistry {

    private static final RowMapper<Webhook> ROW = (rs, i) -> {
        long previousExpiresAtMs = rs.getLong("previous_secret_expires_at_ms");
        Instant previousExpiresAt = rs.wasNull() ? null : Instant.ofEpochMilli(previousExpiresAtMs);
        return new Webhook(rs.getString("id"), rs.getString("owner_id"), rs.getString("url"), rs.getString("secret"),
                Instant.ofEpochMilli(rs.getLong("created_at_ms")), previousExpiresAt);
    };

    private final JdbcTemplate jdbc;

    WebhookRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(Webhook webhook) {
        jdbc.update("INSERT INTO webhook (id, owner_id, url, secret, created_at_ms) VALUES (?, ?, ?, ?, ?)",
                webhook.id(), webhook.ownerId(), webhook.url(), webhook.secret(), webhook.createdAt().toEpochMilli());
    }

    List<Webhook> ownedBy(String ownerId) {
        return jdbc.query("SELECT * FROM webhook WHERE owner_id = ? ORDER BY created_at_ms, id", ROW, ownerId);
    }

    int countOwnedBy(String ownerId) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM webhook WHERE owner_id = ?", Integer.class, ownerId);
        return count == null ? 0 : count;
    }

    /**
     * Replaces the secret; the one it replaces keeps signing until {@code previousExpiresAt}. A rotation during
     * another's grace period drops the oldest secret.
     *
     * @return the webhook as it is now, or empty if the owner has no such webhook
     */
    @Transactional
    Optional<Webhook> rotate(String ownerId, String id, String newSecret, Instant previousExpiresAt) {
        // previous_secret is assigned first: MySQL evaluates assignments left to right, H2 from the old row; both
        // then keep the replaced secret.
        int updated = jdbc.update("UPDATE webhook SET previous_secret = secret, previous_secret_expires_at_ms = ?,"
                + " secret = ? WHERE id = ? AND owner_id = ?",
                previousExpiresAt.toEpochMilli(), newSecret, id, ownerId);
        if (updated == 0) {
            return Optional.empty();
        }
        return jdbc.query("SELECT * FROM webhook WHERE id = ?", ROW, id).stream().findFirst();
    }

    /** Removes the endpoint and its undelivered deliveries; false if the owner has no such webhook. */
    @Transactional
    boolean remove(String ownerId, String id) {
        if (jdbc.update("DELETE FROM webhook WHERE id = ? AND owner_id = ?", id, ownerId) == 0) {
            return false;
        }
        jdbc.update("DELETE FROM webhook_delivery WHERE webhook_id = ? AND status = 'PENDING'", id);
        return true;
    }
}
