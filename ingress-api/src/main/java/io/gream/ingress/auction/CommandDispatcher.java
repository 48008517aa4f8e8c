package io.gream.ingress.auction;

import io.gream.contracts.AuctionCommand;
import io.gream.contracts.CommandOutcome;
import io.gream.ingress.command.CommandPublisher;
import io.gream.ingress.commandlog.CommandLogSearch;
import io.gream.ingress.engine.CommandStatus;
import io.gream.ingress.engine.EngineClient;
import io.gream.ingress.tail.CommandOutcomes;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Sends a checked command and waits for the engine's decision, which comes back through the log: the ingress's tail
 * of {@code gream.auction-events} completes the wait by command id, with no call to the engine.
 *
 * <p>The wait is registered before the command is written, so an outcome read before the broker's acknowledgement
 * is not missed. Only when the tail brought nothing within the wait is the engine asked, once, without waiting:
 * the outcome may have been decided before this replica's tail started (a retry after a restart) or forgotten
 * since. Once the broker has acknowledged the command, it is in the log and will be decided: a failure to read the
 * outcome is reported as pending ({@code 202} with the command's location), never as an error.
 *
 * <p>No thread waits for the broker, the tail or the engine: the request's servlet thread is released when the
 * command is handed to the producer, and the answer is written when the outcome arrives.
 */
@Component
class CommandDispatcher {

    private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);

    private final CommandPublisher publisher;
    private final CommandOutcomes outcomes;
    private final EngineClient engine;
    private final CommandLogSearch search;
    private final MeterRegistry meters;

    CommandDispatcher(CommandPublisher publisher, CommandOutcomes outcomes, EngineClient engine,
                      CommandLogSearch search, MeterRegistry meters) {
        this.publisher = publisher;
        this.outcomes = outcomes;
        this.engine = engine;
        this.search = search;
        this.meters = meters;
    }

    /** Writes the command and waits up to {@code wait} (after the broker's acknowledgement) for its outcome. */
    CompletableFuture<CommandStatus> dispatch(AuctionCommand command, Duration wait) {
        String kind = command.getClass().getSimpleName();
        CommandOutcomes.Expectation expected = wait.isZero() ? null
                : outcomes.expect(command.auctionId(), command.commandId());
        return publisher.publishAsync(command)
                .whenComplete((written, error) -> {
                    if (error != null) {
                        count(kind, "not_written");
                        if (expected != null) {
                            expected.cancel();
                        }
                    }
                })
                .thenCompose(written -> {
                    if (expected == null) {
                        return CompletableFuture.completedFuture(new CommandStatus.Pending());
                    }
                    if (expected.refused()) {
                        log.debug("Command {} written; too many commands wait already, answering pending",
                                command.commandId());
                        meters.counter("gream.ingress.commands.not-waited").increment();
                        return CompletableFuture.completedFuture(new CommandStatus.Pending());
                    }
                    return expected.within(wait).thenCompose(read -> orAskTheEngine(command.auctionId(),
                            command.commandId(), read));
                })
                .whenComplete((status, error) -> {
                    if (error == null) {
                        count(kind, status instanceof CommandStatus.Decided decided
                                ? (decided.outcome().accepted() ? "accepted" : "rejected") : "pending");
                    }
                });
    }

    /**
     * A command's outcome for {@code GET .../commands/{commandId}}: from memory if the tail read it recently, else
     * from the engine (asked once), else from the tail within {@code wait}. When the engine has no outcome, the
     * command log says whether the command is still on its way or was never written ({@link CommandLogSearch});
     * a command never written is not waited for.
     */
    CompletableFuture<CommandStatus> outcome(String auctionId, String commandId, Duration wait) {
        CommandOutcomes.Expectation expected = outcomes.expect(auctionId, commandId);
        Optional<CommandOutcome> known = expected.now();
        if (known.isPresent()) {
            return CompletableFuture.completedFuture(decided(known.get(), "tail"));
        }
        return engine.commandStatusAsync(auctionId, commandId)
                .thenCompose(status -> status instanceof CommandStatus.Pending
                        ? unlessNeverWritten(auctionId, commandId) : CompletableFuture.completedFuture(status))
                .exceptionally(error -> {
                    log.debug("Command {}: the engine or the log could not be asked: {}", commandId,
                            error.toString());
                    return new CommandStatus.Pending();
                })
                .thenCompose(status -> {
                    if (status instanceof CommandStatus.Decided decided) {
                        expected.cancel();
                        return CompletableFuture.completedFuture(decided(decided.outcome(), "engine"));
                    }
                    if (status instanceof CommandStatus.NotWritten || wait.isZero() || expected.refused()) {
                        expected.cancel();
                        outcomeCount(status instanceof CommandStatus.NotWritten ? "not_written" : "none");
                        return CompletableFuture.completedFuture(status);
                    }
                    return expected.within(wait).thenApply(read -> read.map(outcome -> decided(outcome, "tail"))
                            .orElseGet(() -> pending()));
                });
    }

    /**
     * The engine had no outcome: takes the window of commands it has not decided yet, asks it again (an outcome
     * decided before the window's start is in its store by now), and looks for the command in the window.
     */
    private CompletableFuture<CommandStatus> unlessNeverWritten(String auctionId, String commandId) {
        return search.window(auctionId).thenCompose(window -> engine.commandStatusAsync(auctionId, commandId)
                .thenCompose(status -> status instanceof CommandStatus.Decided
                        ? CompletableFuture.completedFuture(status)
                        : search.contains(window, auctionId, commandId).thenApply(found ->
                                found == CommandLogSearch.Found.NOT_WRITTEN ? new CommandStatus.NotWritten()
                                        : new CommandStatus.Pending())));
    }

    private CompletableFuture<CommandStatus> orAskTheEngine(String auctionId, String commandId,
                                                            Optional<CommandOutcome> read) {
        if (read.isPresent()) {
            return CompletableFuture.completedFuture(decided(read.get(), "tail"));
        }
        return ask(auctionId, commandId);
    }

    /** The engine's answer now; pending when it has none or cannot answer. */
    private CompletableFuture<CommandStatus> ask(String auctionId, String commandId) {
        return engine.commandStatusAsync(auctionId, commandId).handle((status, error) -> {
            if (error != null) {
                log.debug("Command {}: the engine could not be asked for its outcome: {}", commandId,
                        error.toString());
                return pending();
            }
            return status instanceof CommandStatus.Decided decided ? decided(decided.outcome(), "engine") : pending();
        });
    }

    private CommandStatus decided(CommandOutcome outcome, String via) {
        outcomeCount(via);
        return new CommandStatus.Decided(outcome);
    }

    private CommandStatus pending() {
        outcomeCount("none");
        return new CommandStatus.Pending();
    }

    /** {@code gream.ingress.outcomes{via=tail|engine|none|not_written}}: where each waited-for outcome came from. */
    private void outcomeCount(String via) {
        meters.counter("gream.ingress.outcomes", "via", via).increment();
    }

    private void count(String kind, String result) {
        meters.counter("gream.ingress.commands", "kind", kind, "result", result).increment();
    }
}
