package io.gream.notifier.stream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code gream.notifier.stream.*}: the server-sent event stream.
 *
 * @param pollInterval    how often this replica reads new inbox rows for its connected users: the stream's latency
 * @param lateCommitGrace how far back each poll looks, so a row that committed after a row with a higher id (two
 *                        transactions racing) is still sent; must exceed the recording transaction timeout plus the
 *                        clock difference between replicas
 * @param heartbeat       how often an idle stream gets a comment line, so proxies keep it open and dead clients are
 *                        noticed
 * @param timeout         how long one stream stays open; the client reconnects with {@code Last-Event-ID}
 * @param backlogLimit    at most this many missed notifications are replayed on (re)connect; older ones are in the
 *                        inbox
 * @param maxConnectionsPerUser further streams of the same user are refused with 429
 */
@ConfigurationProperties("gream.notifier.stream")
record StreamProperties(
        @DefaultValue("250ms") Duration pollInterval,
        @DefaultValue("30s") Duration lateCommitGrace,
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("30m") Duration timeout,
        @DefaultValue("500") int backlogLimit,
        @DefaultValue("5") int maxConnectionsPerUser) {

    StreamProperties {
        // a recording transaction may commit up to its timeout after its rows got their ids and creation times
        if (lateCommitGrace.toSeconds() <= 10) {
            throw new IllegalArgumentException("gream.notifier.stream.late-commit-grace must exceed the recording"
                    + " transaction timeout of 10s");
        }
        if (pollInterval.isZero() || pollInterval.isNegative() || backlogLimit < 1 || maxConnectionsPerUser < 1) {
            throw new IllegalArgumentException("gream.notifier.stream: poll-interval, backlog-limit and"
                    + " max-connections-per-user must be positive");
        }
    }
}
