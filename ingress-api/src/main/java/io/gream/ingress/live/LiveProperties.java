package io.gream.ingress.live;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code gream.ingress.live.*}: the public per-auction event streams.
 *
 * @param bufferedEvents    recent events kept per auction for {@code Last-Event-ID} resume; a client further
 *                          behind gets {@code event: reset}
 * @param bufferedAuctions  auctions whose recent events are kept; beyond it the least recently changed auction
 *                          nobody watches is forgotten
 * @param maxStreams        open streams per replica; more are refused with {@code 503}. Each holds one of
 *                          Tomcat's {@code server.tomcat.max-connections}, which commands need too
 * @param heartbeat         how often every stream gets a comment line, so proxies keep it open and departed clients
 *                          are noticed
 * @param timeout           how long one stream stays open; the client then reconnects with {@code Last-Event-ID}
 */
@ConfigurationProperties("gream.ingress.live")
record LiveProperties(
        @DefaultValue("100") int bufferedEvents,
        @DefaultValue("5000") int bufferedAuctions,
        @DefaultValue("1000") int maxStreams,
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("30m") Duration timeout) {

    LiveProperties {
        if (bufferedEvents < 1 || bufferedAuctions < 1 || maxStreams < 1 || heartbeat.toMillis() < 1
                || timeout.toMillis() < 1) {
            throw new IllegalArgumentException("gream.ingress.live: every setting must be positive");
        }
    }
}
