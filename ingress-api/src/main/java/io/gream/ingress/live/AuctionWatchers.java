package io.gream.ingress.live;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.gream.contracts.AuctionCancelled;
import io.gream.contracts.AuctionClosed;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.SequencedEvent;
import io.gream.support.problem.ProblemException;
import io.gream.ingress.pseudonym.Pseudonyms;
import io.gream.ingress.tail.AuctionEventTail;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fan-out of the tail to the live streams: thousands of watchers of one auction cost one tail and one buffer,
 * not a consumer each.
 *
 * <p>The tail appends each sequenced event to its auction's {@link AuctionChannel} and marks the channel for
 * sending; one fan-out thread sends each marked channel's news to its streams, and a heartbeat to all. The tail
 * never waits for a client, and marking is idempotent, so a burst of events costs one pass per channel. Channels
 * nobody watches keep their recent events for resuming clients, up to {@code buffered-auctions} of them; watched
 * ones are never dropped. The limit: a client slower than the events of its auction falls behind the buffer and
 * gets a reset, and one client that stops reading holds the fan-out thread until its write times out.
 */
@Component
public final class AuctionWatchers implements AuctionEventTail.Listener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuctionWatchers.class);

    private final LiveProperties properties;
    private final Pseudonyms pseudonyms;
    /** Weight 0 while watched, so size-based eviction only ever drops channels nobody watches. */
    private final Cache<String, AuctionChannel> channels;
    private final Set<AuctionChannel> marked = ConcurrentHashMap.newKeySet();
    private final Set<LiveStream> streams = ConcurrentHashMap.newKeySet();
    private final AtomicInteger opening = new AtomicInteger();
    private final Counter opened;
    private volatile ScheduledExecutorService fanout;

    AuctionWatchers(LiveProperties properties, Pseudonyms pseudonyms, MeterRegistry meters) {
        this.properties = properties;
        this.pseudonyms = pseudonyms;
        this.channels = Caffeine.newBuilder()
                .maximumWeight(properties.bufferedAuctions())
                .<String, AuctionChannel>weigher((id, channel) -> channel.watched() ? 0 : 1)
                .build();
        Gauge.builder("gream.ingress.live.streams", streams, Set::size)
                .description("Open live auction streams on this replica").register(meters);
        this.opened = Counter.builder("gream.ingress.live.opened")
                .description("Live auction streams opened on this replica").register(meters);
    }

    /**
     * Opens a stream of the auction's events after {@code lastEventId} (or from now), for {@code viewerId} (the
     * caller's user id, {@code null} when anonymous), whose own alias each event then carries as {@code you}.
     *
     * @throws ProblemException {@code 503 TOO_MANY_STREAMS} when {@code max-streams} are open here
     */
    public SseEmitter watch(String auctionId, Long lastEventId, String viewerId) {
        if (opening.incrementAndGet() + streams.size() > properties.maxStreams()) {
            opening.decrementAndGet();
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "TOO_MANY_STREAMS",
                    "This replica serves " + properties.maxStreams() + " live streams already; retry shortly.")
                    .withHeader(HttpHeaders.RETRY_AFTER, "5");
        }
        try {
            SseEmitter emitter = new SseEmitter(properties.timeout().toMillis());
            LiveStream stream = new LiveStream(auctionId, emitter, pseudonyms.alias(auctionId, viewerId));
            emitter.onCompletion(() -> drop(stream));
            emitter.onTimeout(() -> drop(stream));
            emitter.onError(e -> drop(stream));
            try {
                // Before any other thread knows the stream, so no two threads write at once; commits the headers.
                emitter.send(SseEmitter.event().comment("stream of " + auctionId));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            streams.add(stream);
            channels.asMap().compute(auctionId, (id, channel) -> {
                AuctionChannel joined = channel != null ? channel : new AuctionChannel(properties.bufferedEvents());
                joined.join(stream, lastEventId);
                return joined; // re-weighed: watched now
            });
            opened.increment();
            mark(auctionId);
            return emitter;
        } finally {
            opening.decrementAndGet();
        }
    }

    @Override
    public void onEvent(AuctionEvent event, byte[] json, long appendedMillis) {
        if (!(event instanceof SequencedEvent sequenced)) {
            return; // rejections are private to their sender
        }
        boolean last = event instanceof AuctionClosed || event instanceof AuctionCancelled;
        String type = event.getClass().getSimpleName();
        AuctionChannel channel = channels.get(event.auctionId(), id -> new AuctionChannel(properties.bufferedEvents()));
        if (channel.append(new LiveEvent(sequenced.seq(), type, PublicEvents.json(sequenced, pseudonyms), last))
                && channel.watched()) {
            mark(channel);
        }
    }

    private void mark(String auctionId) {
        AuctionChannel channel = channels.getIfPresent(auctionId);
        if (channel != null) {
            mark(channel);
        }
    }

    private void mark(AuctionChannel channel) {
        ScheduledExecutorService thread = fanout;
        if (thread != null && marked.add(channel)) {
            thread.execute(() -> {
                marked.remove(channel); // before reading: an event appended from here on marks it again
                send(channel);
            });
        }
    }

    private void send(AuctionChannel channel) {
        AuctionChannel.Snapshot snapshot = channel.snapshot();
        for (LiveStream stream : snapshot.streams()) {
            try {
                if (!stream.catchUp(snapshot.events())) {
                    drop(stream);
                }
            } catch (IOException | RuntimeException e) {
                log.debug("Live stream of {} closed: {}", stream.auctionId(), e.toString());
                stream.complete();
                drop(stream);
            }
        }
    }

    private void heartbeat() {
        for (LiveStream stream : streams) {
            try {
                stream.heartbeat();
            } catch (IOException | RuntimeException e) {
                stream.complete();
                drop(stream);
            }
        }
    }

    private void drop(LiveStream stream) {
        stream.close();
        if (streams.remove(stream)) {
            channels.asMap().computeIfPresent(stream.auctionId(), (id, channel) -> {
                channel.leave(stream);
                return channel; // re-weighed: may be dropped once nobody watches
            });
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "live-fanout");
            t.setDaemon(true);
            return t;
        });
        long every = properties.heartbeat().toMillis();
        thread.scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
        fanout = thread;
    }

    /** Ends every stream before the web server's graceful shutdown, which would otherwise wait for them. */
    @Override
    public void stop() {
        ScheduledExecutorService thread = fanout;
        fanout = null;
        if (thread != null) {
            thread.shutdownNow();
        }
        streams.forEach(LiveStream::complete);
        streams.clear();
    }

    @Override
    public boolean isRunning() {
        return fanout != null;
    }
}
