package io.gream.ingress.tail;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.CommandOutcome;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Completes the requests waiting for a command's outcome when the {@link AuctionEventTail} reads it, by auction and
 * command id, and remembers recent outcomes so a retry or a {@code GET} of one is answered from memory.
 *
 * <p>A request registers its {@link Expectation} <em>before</em> its command is written: the outcome can then never
 * be read between the write and the registration and be missed. Only the event that answers a command (a
 * {@link CommandOutcome}) completes it; an {@code AuctionExtended} or {@code AuctionClosed} caused by the same bid
 * carries its command id too but is not its answer. The honest limit: an outcome decided before this replica's tail
 * started (a retry after the ingress restarted), or forgotten since, never comes through here; callers ask the
 * engine for those.
 */
public final class CommandOutcomes implements AuctionEventTail.Listener {

    private final Map<String, Set<CompletableFuture<CommandOutcome>>> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger waitingCount = new AtomicInteger();
    private final Cache<String, CommandOutcome> recent;
    private final int maxWaiting;
    private final Executor completions;

    /**
     * @param maxWaiting  most requests waiting at once ({@code gream.ingress.commands.max-waiting}); beyond it a
     *                    request does not wait, so waiting requests cannot pile up until memory runs out
     * @param completions where waiting requests are completed, so their answers are not written on the tail's
     *                    thread
     * @param meters      gets {@code gream.ingress.tail.waiting}: requests waiting for an outcome now
     */
    CommandOutcomes(TailProperties properties, int maxWaiting, Executor completions, MeterRegistry meters) {
        this.maxWaiting = maxWaiting;
        this.completions = completions;
        this.recent = Caffeine.newBuilder()
                .maximumSize(properties.rememberedOutcomes())
                .expireAfterWrite(properties.rememberFor())
                .build();
        Gauge.builder("gream.ingress.tail.waiting", waitingCount, AtomicInteger::get)
                .description("Requests waiting for their command's outcome from the tail").register(meters);
    }

    @Override
    public void onEvent(AuctionEvent event, byte[] json, long appendedMillis) {
        if (!(event instanceof CommandOutcome outcome)) {
            return;
        }
        String key = key(outcome.auctionId(), outcome.commandId());
        // Read uncommitted, an aborted decision and its re-decision both arrive; they are identical (reliability.md).
        recent.put(key, outcome);
        Set<CompletableFuture<CommandOutcome>> futures = waiting.remove(key);
        if (futures != null) {
            completions.execute(() -> futures.forEach(future -> future.complete(outcome)));
        }
    }

    /** The outcome if this replica read it recently. */
    public Optional<CommandOutcome> remembered(String auctionId, String commandId) {
        return Optional.ofNullable(recent.getIfPresent(key(auctionId, commandId)));
    }

    /**
     * Starts waiting for the command's outcome. Register before writing the command; call
     * {@link Expectation#within} once it is written, or {@link Expectation#cancel} if it was not.
     *
     * @return an expectation that already holds the outcome if it was read recently, or that never completes
     *         ({@link Expectation#refused()}) when {@code max-waiting} requests wait already
     */
    public Expectation expect(String auctionId, String commandId) {
        String key = key(auctionId, commandId);
        CompletableFuture<CommandOutcome> future = new CompletableFuture<>();
        if (waitingCount.incrementAndGet() > maxWaiting) {
            waitingCount.decrementAndGet();
            return new Expectation(key, null);
        }
        waiting.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(future);
        Expectation expectation = new Expectation(key, future);
        // After registering: an outcome read in between is then either remembered or completes the future.
        CommandOutcome known = recent.getIfPresent(key);
        if (known != null) {
            expectation.cancel();
            future.complete(known);
        }
        return expectation;
    }

    /** One request's wait for one command's outcome. */
    public final class Expectation {

        private final String key;
        private final CompletableFuture<CommandOutcome> future;
        private final AtomicInteger registered = new AtomicInteger(1);

        private Expectation(String key, CompletableFuture<CommandOutcome> future) {
            this.key = key;
            this.future = future;
            if (future == null) {
                registered.set(0);
            }
        }

        /** Whether the request could not wait because too many wait already. */
        public boolean refused() {
            return future == null;
        }

        /** The outcome, if it is known already. */
        public Optional<CommandOutcome> now() {
            return future != null && future.isDone() ? Optional.ofNullable(future.getNow(null)) : Optional.empty();
        }

        /** The outcome once read, or empty once {@code wait} is over; stops waiting either way. */
        public CompletableFuture<Optional<CommandOutcome>> within(Duration wait) {
            if (future == null) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            return future.completeOnTimeout(null, wait.toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((outcome, error) -> cancel())
                    .thenApply(Optional::ofNullable);
        }

        /** Stops waiting (the command was not written, or its outcome came another way). */
        public void cancel() {
            if (future == null || registered.getAndSet(0) == 0) {
                return;
            }
            waitingCount.decrementAndGet();
            waiting.computeIfPresent(key, (k, futures) -> {
                futures.remove(future);
                return futures.isEmpty() ? null : futures;
            });
        }
    }

    private static String key(String auctionId, String commandId) {
        return auctionId + '\u0000' + commandId;
    }
}
