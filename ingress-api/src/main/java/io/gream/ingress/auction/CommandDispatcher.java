package io.gream.ingress.auction;

import io.gream.contracts.AuctionCommand;
import io.gream.ingress.command.CommandPublisher;
import io.gream.ingress.engine.CommandStatus;
import io.gream.ingress.engine.EngineClient;
import io.gream.ingress.engine.EngineUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Sends a checked command and waits for the engine's decision.
 *
 * <p>Once the broker has acknowledged the command, it is in the log and will be decided: from then on a failure to
 * read the outcome (engine unreachable or rebalancing) is reported as pending ({@code 202} with the command's
 * location), never as an error that would make the client believe nothing happened.
 */
@Component
class CommandDispatcher {

    private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);

    private final CommandPublisher publisher;
    private final EngineClient engine;
    private final MeterRegistry meters;

    CommandDispatcher(CommandPublisher publisher, EngineClient engine, MeterRegistry meters) {
        this.publisher = publisher;
        this.engine = engine;
        this.meters = meters;
    }

    CommandStatus dispatch(AuctionCommand command, Duration wait) {
        String kind = command.getClass().getSimpleName();
        try {
            publisher.publish(command);
        } catch (RuntimeException e) {
            count(kind, "not_written");
            throw e;
        }
        CommandStatus status = new CommandStatus.Pending();
        if (!wait.isZero()) {
            try {
                status = engine.commandStatus(command.auctionId(), command.commandId(), wait);
            } catch (EngineUnavailableException e) {
                log.warn("Command {} written, outcome not readable now: {}", command.commandId(), e.getMessage());
            }
        }
        count(kind, status instanceof CommandStatus.Decided decided
                ? (decided.outcome().accepted() ? "accepted" : "rejected") : "pending");
        return status;
    }

    private void count(String kind, String result) {
        meters.counter("gream.ingress.commands", "kind", kind, "result", result).increment();
    }
}
