package io.gream.engine.query;

import io.gream.contracts.CommandOutcome;
import io.gream.engine.topology.EngineObserver;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
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
 * <p>Outcomes decided here recently are answered from memory, without the store: a store read is an interactive
 * query that waits for the RocksDB store's lock, which the stream thread holds while it writes (in a failover drill,
 * request threads were seen {@code BLOCKED} on it). A poll for a command not decided here recently still reads the
 * store once before it waits: the outcome may have been decided by the partition's previous owner.
 */
final class OutcomeWaiters implements EngineObserver {

    static final int REMEMBERED = 100_000;

    private final Map<String, CopyOnWriteArrayList<CompletableFuture<CommandOutcome>>> waiting =
            new ConcurrentHashMap<>();
    /** Outcomes decided here, most recent last, at most {@link #REMEMBERED}. */
    private final Map<String, CommandOutcome> recent = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CommandOutcome> eldest) {
            return size() > REMEMBERED;
        }
    };

    @Override
    public void decided(CommandOutcome outcome) {
        String key = key(outcome.auctionId(), outcome.commandId());
        synchronized (recent) {
            recent.put(key, outcome);
        }
        var futures = waiting.remove(key);
        if (futures != null) {
            futures.forEach(future -> future.complete(outcome));
        }
    }

    /**
     * Completes with the outcome as soon as it is known, or empty after {@code timeout}.
     *
     * @param stored reads the outcome from the store, unless it was decided here recently; checked after
     *               registering, so a decision made in between is never missed
     */
    CompletableFuture<Optional<CommandOutcome>> await(String auctionId, String commandId, Duration timeout,
                                                      Supplier<Optional<CommandOutcome>> stored) {
        String key = key(auctionId, commandId);
        Optional<CommandOutcome> known = remembered(key);
        if (known.isPresent()) {
            return CompletableFuture.completedFuture(known);
        }
        CompletableFuture<CommandOutcome> future = new CompletableFuture<>();
        waiting.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(future);
        try {
            stored.get().ifPresent(future::complete);
        } catch (RuntimeException e) {
            forget(key, future); // not readable here now (e.g. restoring): leave no waiter behind
            throw e;
        }
        return future.completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((outcome, error) -> forget(key, future))
                .thenApply(Optional::ofNullable);
    }

    /** Polls waiting for a decision now. */
    int waitingPolls() {
        return waiting.values().stream().mapToInt(List::size).sum();
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

    private static String key(String auctionId, String commandId) {
        return auctionId + '\u0000' + commandId;
    }
}
