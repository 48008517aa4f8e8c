package io.gream.notifier.inbox;

import io.gream.notifier.notification.Notification;
import io.gream.notifier.notification.NotificationType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

/**
 * The per-user inbox in the database ({@code notification} table): the one place every notification is stored, and
 * the source the stream and the webhooks read from, so it does not matter which replica consumed the event.
 */
@Repository
public class NotificationInbox {

    private static final String COLUMNS = "id, event_id, recipient_id, type, auction_id, amount, message,"
            + " occurred_at_ms, created_at_ms, read_at_ms";
    private static final RowMapper<StoredNotification> ROW = NotificationInbox::map;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    NotificationInbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * Stores the notification unless the inbox already has one for the same event and recipient.
     *
     * @return the new row's id, or empty when it was already there (a redelivered event): the caller must then not
     *         do anything else a new notification would cause, such as queueing webhook deliveries
     */
    public OptionalLong insertIfAbsent(Notification n, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.update(connection -> {
                PreparedStatement ps = connection.prepareStatement("INSERT INTO notification (event_id,"
                        + " recipient_id, type, auction_id, amount, message, occurred_at_ms, created_at_ms)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", new String[]{"id"});
                ps.setString(1, n.eventId());
                ps.setString(2, n.recipientId());
                ps.setString(3, n.type().name());
                ps.setString(4, n.auctionId());
                if (n.amount() == null) {
                    ps.setNull(5, Types.BIGINT);
                } else {
                    ps.setLong(5, n.amount());
                }
                ps.setString(6, n.message());
                ps.setLong(7, n.occurredAt().toEpochMilli());
                ps.setLong(8, now.toEpochMilli());
                return ps;
            }, keys);
        } catch (DuplicateKeyException alreadyThere) {
            // MySQL, MariaDB and H2 roll back only the statement; the surrounding transaction goes on.
            return OptionalLong.empty();
        }
        return OptionalLong.of(keys.getKey().longValue());
    }

    /**
     * A page of the user's inbox and the counts it is shown with, read from one snapshot: read separately, a
     * notification recorded in between would be counted in {@code total} but missing from the page.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public InboxView view(String recipientId, int page, int size) {
        return new InboxView(page(recipientId, page, size), count(recipientId), countUnread(recipientId));
    }

    /** @param unread how many of all the user's notifications are unread */
    public record InboxView(List<StoredNotification> notifications, long total, long unread) {
    }

    public List<StoredNotification> page(String recipientId, int page, int size) {
        return jdbc.query("SELECT " + COLUMNS + " FROM notification WHERE recipient_id = ? ORDER BY id DESC"
                + " LIMIT ? OFFSET ?", ROW, recipientId, size, (long) page * size);
    }

    public long count(String recipientId) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE recipient_id = ?", Long.class,
                recipientId);
        return count == null ? 0 : count;
    }

    public long countUnread(String recipientId) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE recipient_id = ?"
                + " AND read_at_ms IS NULL", Long.class, recipientId);
        return count == null ? 0 : count;
    }

    /** @return false when the recipient has no such notification (unknown, or someone else's) */
    public boolean markRead(String recipientId, long id, Instant now) {
        int found = jdbc.update("UPDATE notification SET read_at_ms = COALESCE(read_at_ms, ?) WHERE id = ?"
                + " AND recipient_id = ?", now.toEpochMilli(), id, recipientId);
        return found == 1;
    }

    public java.util.Optional<StoredNotification> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM notification WHERE id = ?", ROW, id).stream().findFirst();
    }

    /** The recipient's notifications with an id above {@code afterId}, oldest first: a stream's backlog. */
    public List<StoredNotification> after(String recipientId, long afterId, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM notification WHERE recipient_id = ? AND id > ?"
                + " ORDER BY id LIMIT ?", ROW, recipientId, afterId, limit);
    }

    /** The highest id the recipient has, 0 if none. */
    public long latestId(String recipientId) {
        Long max = jdbc.queryForObject("SELECT MAX(id) FROM notification WHERE recipient_id = ?", Long.class,
                recipientId);
        return max == null ? 0 : max;
    }

    /** Every notification of these recipients stored at or after {@code since}, oldest first. */
    public List<StoredNotification> createdSince(Collection<String> recipientIds, Instant since) {
        if (recipientIds.isEmpty()) {
            return List.of();
        }
        return named.query("SELECT " + COLUMNS + " FROM notification WHERE recipient_id IN (:recipients)"
                        + " AND created_at_ms >= :since ORDER BY id",
                new MapSqlParameterSource("recipients", recipientIds).addValue("since", since.toEpochMilli()), ROW);
    }

    private static StoredNotification map(ResultSet rs, int row) throws SQLException {
        long amount = rs.getLong("amount");
        Long amountOrNull = rs.wasNull() ? null : amount;
        long readAt = rs.getLong("read_at_ms");
        Instant readAtOrNull = rs.wasNull() ? null : Instant.ofEpochMilli(readAt);
        return new StoredNotification(rs.getLong("id"), rs.getString("event_id"), rs.getString("recipient_id"),
                NotificationType.valueOf(rs.getString("type")), rs.getString("auction_id"), amountOrNull,
                rs.getString("message"), Instant.ofEpochMilli(rs.getLong("occurred_at_ms")),
                Instant.ofEpochMilli(rs.getLong("created_at_ms")), readAtOrNull);
    }
}
