package io.gream.ingress.auction;

import io.gream.contracts.AuctionCommand;
import io.gream.ingress.command.CommandProperties;
import io.gream.ingress.command.CommandPublisher;
import io.gream.ingress.engine.CommandStatus;
import io.gream.ingress.engine.EngineClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Sends a checked command and waits for the engine's decision.
 *
 * <p>Once the broker has acknowledged the command, it is in the log and will be decided: from then on a failure to
 * read the outcome (engine unreachable or rebalancing) is reported as pending ({@code 202} with the command's
 * location), never as an error that would make the client believe nothing happened. Within the client's wait the
 * engine client keeps asking through rebalances and failovers ({@link EngineClient#commandStatusAsync}), so a
 * {@code 202} means the outcome could not be read for the whole wait, not that the first try failed.
 *
 * <p>No thread waits for the broker or the engine: the request's servlet thread is released when the command is
 * handed to the producer, and the answer is written when the outcome arrives.
 */
@Component
class CommandDispatcher {

    private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);

    private final CommandPublisher publisher;
    private final EngineClient engine;
    private final MeterRegistry meters;
    private final Semaphore waiting;

    CommandDispatcher(CommandPublisher publisher, EngineClient engine, MeterRegistry meters,
                      CommandProperties properties) {
        this.publisher = publisher;
        this.engine = engine;
        this.meters = meters;
        this.waiting = new Semaphore(properties.maxWaiting());
    }

    CompletableFuture<CommandStatus> dispatch(AuctionCommand command, Duration wait) {
        String kind = command.getClass().getSimpleName();
        return publisher.publishAsync(command)
                .whenComplete((written, error) -> {
                    if (error != null) {
                        count(kind, "not_written");
                    }
                })
                .thenCompose(written -> outcome(command, wait))
                .whenComplete((status, error) -> {
                    if (error == null) {
                        count(kind, status instanceof CommandStatus.Decided decided
                                ? (decided.outcome().accepted() ? "accepted" : "rejected") : "pending");
                    }
                });
    }

    /** Asks the engine, unless the client wants no wait or too many commands are waiting already. */
    private CompletableFuture<CommandStatus> outcome(AuctionCommand command, Duration wait) {
        if (wait.isZero()) {
            return CompletableFuture.completedFuture(new CommandStatus.Pending());
        }
        if (!waiting.tryAcquire()) {
            log.debug("Command {} written; {} commands wait for the engine already, answering pending",
                    command.commandId(), waiting.availablePermits());
            meters.counter("gream.ingress.commands.not-waited").increment();
            return CompletableFuture.completedFuture(new CommandStatus.Pending());
        }
        return engine.commandStatusAsync(command.auctionId(), command.commandId(), wait)
                .whenComplete((status, error) -> waiting.release());
    }

    private void count(String kind, String result) {
        meters.counter("gream.ingress.commands", "kind", kind, "result", result).increment();
    }
}
