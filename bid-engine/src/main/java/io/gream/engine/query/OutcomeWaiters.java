package io.gream.engine.query;

import io.gream.contracts.CommandOutcome;
import io.gream.engine.topology.EngineObserver;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Lets a long-poll wait for a command's outcome instead of polling the store: the topology reports each decision
 * here and the waiting requests complete at once.
 *
 * <p>The decision is reported before its transaction commits. That is safe to show: decisions are a function of
 * the committed command log, so if the transaction aborts the same command is decided the same way again.
 *
 * <p>The store is read as little as possible. A store read is an interactive query that waits for the RocksDB
 * store's lock, which the stream thread holds while it writes; in a failover drill, hundreds of bids polling in
 * slices through a rebalance left most request threads blocked on that lock. So outcomes decided here recently are
 * answered from memory, and a command's store check is not repeated within {@code recheckAfter}: a later poll of
 * the same command in that time relies on the decision being reported here (or remembered).
 */
final class OutcomeWaiters implements EngineObserver {

    static final int REMEMBERED = 100_000;

    private final Map<String, CopyOnWriteArrayList<CompletableFuture<CommandOutcome>>> waiting =
            new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration recheckAfter;
    /** Outcomes decided here, most recent last, at most {@link #REMEMBERED}. */
    private final LinkedHashMap<String, CommandOutcome> recent = new LinkedHashMap<>();
    /** When each command's store check was last made, oldest first. */
    private final LinkedHashMap<String, Long> checked = new LinkedHashMap<>();

    OutcomeWaiters(Clock clock, Duration recheckAfter) {
        this.clock = clock;
        this.recheckAfter = recheckAfter;
    }

    @Override
    public void decided(CommandOutcome outcome) {
        String key = key(outcome.auctionId(), outcome.commandId());
        synchronized (recent) {
            recent.put(key, outcome);
            if (recent.size() > REMEMBERED) {
                Iterator<String> eldest = recent.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
        }
        var futures = waiting.remove(key);
        if (futures != null) {
            futures.forEach(future -> future.complete(outcome));
        }
    }

    /**
     * Completes with the outcome as soon as it is known, or empty after {@code timeout}.
     *
     * @param stored reads the outcome from the store; checked after registering, so a decision made in between is
     *               never missed, and skipped when this command's store was checked less than
     *               {@code recheckAfter} ago
     */
    CompletableFuture<Optional<CommandOutcome>> await(String auctionId, String commandId, Duration timeout,
                                                      Supplier<Optional<CommandOutcome>> stored) {
        String key = key(auctionId, commandId);
        CompletableFuture<CommandOutcome> future = new CompletableFuture<>();
        waiting.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(future);
        Optional<CommandOutcome> known = remembered(key);
        if (known.isPresent()) {
            future.complete(known.get());
        } else if (!storeReadRecently(key)) {
            Optional<CommandOutcome> inStore;
            try {
                inStore = stored.get();
            } catch (RuntimeException e) {
                // not readable here now (e.g. restoring): no waiter left behind, and the next poll reads again
                forget(key, future);
                throw e;
            }
            noteStoreRead(key);
            inStore.ifPresent(future::complete);
        }
        return future.completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((outcome, error) -> forget(key, future))
                .thenApply(Optional::ofNullable);
    }

    private void forget(String key, CompletableFuture<CommandOutcome> future) {
        waiting.computeIfPresent(key, (k, futures) -> {
            futures.remove(future);
            return futures.isEmpty() ? null : futures;
        });
    }

    private Optional<CommandOutcome> remembered(String key) {
        synchronized (recent) {
            return Optional.ofNullable(recent.get(key));
        }
    }

    /** Whether this command's store was read less than {@code recheckAfter} ago (forgetting older reads). */
    private boolean storeReadRecently(String key) {
        long now = clock.millis();
        synchronized (checked) {
            Iterator<Map.Entry<String, Long>> oldest = checked.entrySet().iterator();
            while (oldest.hasNext()) {
                Map.Entry<String, Long> entry = oldest.next();
                if (now - entry.getValue() < recheckAfter.toMillis() && checked.size() <= REMEMBERED) {
                    break;
                }
                oldest.remove();
            }
            return checked.containsKey(key);
        }
    }

    /** Only a read that succeeded counts: a store that could not be read must be read on the next poll. */
    private void noteStoreRead(String key) {
        synchronized (checked) {
            checked.put(key, clock.millis());
        }
    }

    private static String key(String auctionId, String commandId) {
        return auctionId + '\u0000' + commandId;
    }
}
