package io.gream.notifier.stream;

import io.gream.notifier.inbox.NotificationInbox;
import io.gream.notifier.inbox.StoredNotification;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Feeds this replica's open streams from the shared inbox, so a user's stream works whichever replica consumed the
 * event and whichever replica the user's connection landed on.
 *
 * <p>One thread per replica. Every {@code poll-interval} it reads, for the users connected here, the inbox rows
 * created within the last {@code late-commit-grace} (one query per 500 users), and offers each to the user's
 * connections, which send what they have not sent. Looking back over a window rather than only above the highest id
 * seen is deliberate: ids are assigned when a row is inserted, not when it commits, so a row with a lower id can
 * become visible after one with a higher id. A new connection first gets its backlog: the rows above its
 * {@code Last-Event-ID} (or, without one, nothing older than now).
 */
@Component
class InboxTail implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxTail.class);
    private static final int USERS_PER_QUERY = 500;

    private final NotificationInbox inbox;
    private final StreamProperties properties;
    private final Clock clock;
    private final Map<String, List<StreamConnection>> byUser = new ConcurrentHashMap<>();
    private final Queue<StreamConnection> joining = new ConcurrentLinkedQueue<>();
    private volatile ScheduledExecutorService thread;
    private Instant lastHeartbeat = Instant.EPOCH;

    InboxTail(NotificationInbox inbox, StreamProperties properties, Clock clock, MeterRegistry meters) {
        this.inbox = inbox;
        this.properties = properties;
        this.clock = clock;
        Gauge.builder("gream.notifier.stream.connections", byUser,
                        m -> m.values().stream().mapToInt(List::size).sum())
                .description("Open notification streams on this replica").register(meters);
    }

    /** The id a stream without {@code Last-Event-ID} starts after: the user's newest notification now. */
    long currentPosition(String userId) {
        return inbox.latestId(userId);
    }

    int connectionsOf(String userId) {
        List<StreamConnection> connections = byUser.get(userId);
        int joiningCount = (int) joining.stream().filter(c -> c.userId().equals(userId)).count();
        return (connections == null ? 0 : connections.size()) + joiningCount;
    }

    /** Starts feeding the connection on the next tick (its backlog first). */
    void join(StreamConnection connection) {
        joining.add(connection);
    }

    @Override
    public void start() {
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "inbox-tail");
            t.setDaemon(true);
            return t;
        });
        long every = properties.pollInterval().toMillis();
        thread.scheduleWithFixedDelay(this::tickSafely, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = thread;
        thread = null;
        if (current != null) {
            current.shutdownNow();
        }
        // Ends every open stream before the web server's graceful shutdown, which would otherwise wait for them.
        byUser.values().forEach(list -> list.forEach(StreamConnection::complete));
        byUser.clear();
        joining.forEach(StreamConnection::complete);
        joining.clear();
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("Reading the inbox for open streams failed; retrying in {}", properties.pollInterval(), e);
        }
    }

    void tick() {
        Instant now = clock.instant();
        Instant windowStart = now.minus(properties.lateCommitGrace());
        StreamConnection connection;
        while ((connection = joining.poll()) != null) {
            if (!connection.isOpen()) {
                continue;
            }
            try {
                for (StoredNotification n : inbox.after(connection.userId(), connection.resumeAfter(),
                        properties.backlogLimit())) {
                    connection.offer(n);
                }
                byUser.computeIfAbsent(connection.userId(), u -> new CopyOnWriteArrayList<>()).add(connection);
            } catch (Exception e) {
                drop(connection, e);
            }
        }
        List<String> users = new ArrayList<>(byUser.keySet());
        for (int from = 0; from < users.size(); from += USERS_PER_QUERY) {
            List<String> chunk = users.subList(from, Math.min(users.size(), from + USERS_PER_QUERY));
            for (StoredNotification n : inbox.createdSince(chunk, windowStart)) {
                for (StreamConnection c : byUser.getOrDefault(n.recipientId(), List.of())) {
                    try {
                        c.offer(n);
                    } catch (Exception e) {
                        drop(c, e);
                    }
                }
            }
        }
        boolean beat = !now.isBefore(lastHeartbeat.plus(properties.heartbeat()));
        if (beat) {
            lastHeartbeat = now;
        }
        byUser.values().forEach(list -> list.forEach(c -> {
            if (!c.isOpen()) {
                drop(c, null);
                return;
            }
            c.forgetBefore(windowStart);
            if (beat) {
                try {
                    c.heartbeat();
                } catch (Exception e) {
                    drop(c, e);
                }
            }
        }));
    }

    /** Removes a finished or broken connection. */
    void drop(StreamConnection connection, Exception why) {
        connection.close();
        byUser.computeIfPresent(connection.userId(), (user, list) -> {
            list.remove(connection);
            return list.isEmpty() ? null : list;
        });
        if (why != null) {
            log.debug("Stream of {} closed: {}", connection.userId(), why.toString());
        }
    }
}
