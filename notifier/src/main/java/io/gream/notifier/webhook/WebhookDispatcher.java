package io.gream.notifier.webhook;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.ThreadPoolBulkhead;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadConfig;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.gream.contracts.GreamJson;
import io.gream.notifier.inbox.NotificationInbox;
import io.gream.notifier.inbox.StoredNotification;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers the outbox: polls due deliveries, claims each with a lease, and hands it to its endpoint's lane.
 *
 * <p>Each endpoint (webhook) has its own lane: a resilience4j thread-pool bulkhead (its own threads and a bounded
 * queue) and a circuit breaker. A receiver that hangs therefore ties up only its own threads, for at most the
 * request timeout, while other endpoints' deliveries run on theirs; when its queue is full or its circuit is open,
 * its deliveries are put back for later without counting an attempt. Failed attempts are retried with exponential
 * backoff (with jitter) up to {@code max-attempts}, then marked {@code FAILED}. A lane idle for
 * {@code idle-lane-eviction} is closed (its threads end); it is recreated, with a fresh circuit breaker, when its
 * endpoint has deliveries again. Redirects are never followed, and the
 * destination is checked again before every attempt (DNS may have changed since registration) and once more by the
 * {@link WebhookSender} as it connects. During a secret's rotation both secrets sign.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    static final String EVENT_ID_HEADER = "Gream-Event-Id";

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final DeliveryOutbox outbox;
    private final NotificationInbox inbox;
    private final DestinationGuard guard;
    private final WebhookProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final WebhookSender sender;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService poller;

    /** One endpoint's threads, queue and circuit breaker; {@code inFlight} and {@code lastUsedMs} for eviction. */
    private record Lane(ThreadPoolBulkhead bulkhead, CircuitBreaker breaker, AtomicInteger inFlight,
                        AtomicLong lastUsedMs) {
    }

    WebhookDispatcher(DeliveryOutbox outbox, NotificationInbox inbox, DestinationGuard guard, WebhookSender sender,
                      WebhookProperties properties, Clock clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.inbox = inbox;
        this.guard = guard;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.sender = sender;
    }

    @Override
    public void start() {
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "webhook-poller");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::pollSafely, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = poller;
        poller = null;
        if (current != null) {
            current.shutdownNow();
        }
        lanes.values().forEach(lane -> {
            try {
                lane.bulkhead().close();
            } catch (Exception e) {
                log.debug("Closing a webhook lane failed", e);
            }
        });
        lanes.clear();
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("Polling webhook deliveries failed; retrying in {}", properties.pollInterval(), e);
        }
    }

    /** One round: claim what is due and queue it on its endpoint's lane. */
    void poll() {
        Instant now = clock.instant();
        List<DeliveryOutbox.Due> due = outbox.due(now, properties.batchSize());
        for (DeliveryOutbox.Due delivery : due) {
            if (!outbox.claim(delivery, now.plus(properties.lease()))) {
                continue; // another replica has it
            }
            Lane lane = lanes.computeIfAbsent(delivery.webhookId(), this::newLane);
            lane.lastUsedMs().set(now.toEpochMilli());
            lane.inFlight().incrementAndGet();
            try {
                lane.bulkhead().executeRunnable(() -> {
                    try {
                        attempt(lane, delivery);
                    } finally {
                        lane.inFlight().decrementAndGet();
                    }
                });
            } catch (BulkheadFullException full) {
                lane.inFlight().decrementAndGet();
                count("deferred");
                outbox.defer(delivery.id(), now.plusSeconds(1));
            }
        }
        evictIdleLanes(now);
    }

    /** Only this poller thread adds to or removes from {@code lanes}, so an evicted lane gets no new work. */
    private void evictIdleLanes(Instant now) {
        long idleSince = now.minus(properties.idleLaneEviction()).toEpochMilli();
        lanes.entrySet().removeIf(entry -> {
            Lane lane = entry.getValue();
            if (lane.inFlight().get() > 0 || lane.lastUsedMs().get() > idleSince) {
                return false;
            }
            try {
                lane.bulkhead().close();
            } catch (Exception e) {
                log.debug("Closing the lane of webhook {} failed", entry.getKey(), e);
            }
            return true;
        });
    }

    private void attempt(Lane lane, DeliveryOutbox.Due delivery) {
        try {
            StoredNotification notification = inbox.find(delivery.notificationId()).orElse(null);
            if (notification == null) {
                outbox.gaveUp(delivery.id(), "notification no longer exists");
                return;
            }
            URI uri = guard.check(delivery.url());
            byte[] body = GreamJson.mapper().writeValueAsBytes(WebhookPayload.of(notification));
            Instant sentAt = clock.instant();
            Map<String, String> headers = Map.of(
                    "User-Agent", "gream-notifier",
                    WebhookSignatureVerifier.HEADER, WebhookSignatureVerifier.sign(sentAt.getEpochSecond(), body,
                            delivery.signingSecrets(sentAt)),
                    EVENT_ID_HEADER, notification.eventId());
            int status = lane.breaker().executeCallable(() -> send(uri, headers, body));
            outbox.delivered(delivery.id(), clock.instant());
            count("delivered");
            log.debug("Delivered notification {} to webhook {} ({})", notification.id(), delivery.webhookId(), status);
        } catch (CallNotPermittedException open) {
            count("deferred");
            outbox.defer(delivery.id(), clock.instant().plus(properties.waitInOpenState()));
        } catch (UnsafeDestinationException refused) {
            count("refused");
            log.warn("Webhook {} no longer passes the destination check ({}); giving up delivery {}",
                    delivery.webhookId(), refused.getMessage(), delivery.id());
            outbox.gaveUp(delivery.id(), "destination refused: " + refused.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outbox.defer(delivery.id(), clock.instant());
        } catch (Exception e) {
            retryOrGiveUp(delivery, e);
        }
    }

    private int send(URI uri, Map<String, String> headers, byte[] body)
            throws IOException, UnsafeDestinationException {
        int status = sender.post(uri, headers, body); // only the status matters; the body is never read
        if (status / 100 != 2) {
            throw new IOException("receiver answered " + status);
        }
        return status;
    }

    private void retryOrGiveUp(DeliveryOutbox.Due delivery, Exception e) {
        int attempts = delivery.attempts() + 1;
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (attempts >= properties.maxAttempts()) {
            count("gave_up");
            log.warn("Giving up webhook delivery {} to {} after {} attempts: {}", delivery.id(),
                    delivery.webhookId(), attempts, error);
            outbox.gaveUp(delivery.id(), error);
            return;
        }
        Duration backoff = backoff(attempts);
        count("failed");
        log.info("Webhook delivery {} to {} failed (attempt {}): {}; retrying in {}", delivery.id(),
                delivery.webhookId(), attempts, error, backoff);
        outbox.failed(delivery.id(), clock.instant().plus(backoff), error);
    }

    /** initial * 2^(attempts-1), capped, with +-20% jitter so retries of many deliveries do not align. */
    Duration backoff(int attempts) {
        long initial = properties.initialBackoff().toMillis();
        long capped = Math.min(properties.maxBackoff().toMillis(),
                initial * (1L << Math.min(attempts - 1, 30)));
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis(Math.max(1, (long) (capped * jitter)));
    }

    /** Whether the endpoint currently has a lane (threads) on this replica. */
    boolean hasLane(String webhookId) {
        return lanes.containsKey(webhookId);
    }

    private Lane newLane(String webhookId) {
        ThreadPoolBulkhead bulkhead = ThreadPoolBulkhead.of("webhook-" + webhookId, ThreadPoolBulkheadConfig.custom()
                .coreThreadPoolSize(properties.concurrencyPerEndpoint())
                .maxThreadPoolSize(properties.concurrencyPerEndpoint())
                .queueCapacity(properties.queuePerEndpoint())
                .build());
        CircuitBreaker breaker = CircuitBreaker.of("webhook-" + webhookId, CircuitBreakerConfig.custom()
                .failureRateThreshold(properties.failureRateThreshold())
                .slidingWindowSize(properties.slidingWindowSize())
                .minimumNumberOfCalls(properties.minimumNumberOfCalls())
                .waitDurationInOpenState(properties.waitInOpenState())
                .build());
        breaker.getEventPublisher().onStateTransition(event -> log.info("Webhook {} circuit {}", webhookId,
                event.getStateTransition()));
        return new Lane(bulkhead, breaker, new AtomicInteger(), new AtomicLong(clock.millis()));
    }

    private void count(String outcome) {
        meters.counter("gream.notifier.webhook.deliveries", "outcome", outcome).increment();
    }
}
