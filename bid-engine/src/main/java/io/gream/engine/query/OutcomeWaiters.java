package io.gream.engine.query;

import io.gream.contracts.CommandOutcome;
import io.gream.engine.topology.EngineObserver;

import java.time.Duration;
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
 */
final class OutcomeWaiters implements EngineObserver {

    private final Map<String, CopyOnWriteArrayList<CompletableFuture<CommandOutcome>>> waiting =
            new ConcurrentHashMap<>();

    @Override
    public void decided(CommandOutcome outcome) {
        var futures = waiting.remove(key(outcome.auctionId(), outcome.commandId()));
        if (futures != null) {
            futures.forEach(future -> future.complete(outcome));
        }
    }

    /**
     * Completes with the outcome as soon as it is known, or empty after {@code timeout}.
     *
     * @param stored reads the outcome from the store; checked after registering, so a decision made in between is
     *               never missed
     */
    CompletableFuture<Optional<CommandOutcome>> await(String auctionId, String commandId, Duration timeout,
                                                      Supplier<Optional<CommandOutcome>> stored) {
        String key = key(auctionId, commandId);
        CompletableFuture<CommandOutcome> future = new CompletableFuture<>();
        waiting.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(future);
        stored.get().ifPresent(future::complete);
        return future.completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((outcome, error) -> waiting.computeIfPresent(key, (k, futures) -> {
                    futures.remove(future);
                    return futures.isEmpty() ? null : futures;
                }))
                .thenApply(Optional::ofNullable);
    }

    private static String key(String auctionId, String commandId) {
        return auctionId + '\u0000' + commandId;
    }
}
