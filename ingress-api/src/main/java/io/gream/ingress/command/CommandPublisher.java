package io.gream.ingress.command;

import io.gream.contracts.AuctionCommand;
import io.gream.contracts.CommandLogEntry;
import io.gream.contracts.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes a command to {@code gream.auction-commands}, keyed by its auction id, and returns only once the broker has
 * acknowledged it ({@code acks=all}, idempotent producer). Anything else (no metadata within {@code max.block.ms},
 * delivery timeout, a broker error, our own timeout) is a {@link BrokerUnavailableException}.
 */
public class CommandPublisher {

    private static final Logger log = LoggerFactory.getLogger(CommandPublisher.class);

    private final KafkaTemplate<String, CommandLogEntry> template;
    private final Duration ackTimeout;

    CommandPublisher(KafkaTemplate<String, CommandLogEntry> template, Duration ackTimeout) {
        this.template = template;
        this.ackTimeout = ackTimeout;
    }

    /** Blocks until the broker acknowledged {@code command}, or throws {@link BrokerUnavailableException}. */
    public void publish(AuctionCommand command) {
        try {
            template.send(Topics.AUCTION_COMMANDS.name(), command.auctionId(), command)
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(command, e);
        } catch (ExecutionException e) {
            throw unavailable(command, e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            throw unavailable(command, e);
        }
    }

    private static BrokerUnavailableException unavailable(AuctionCommand command, Throwable cause) {
        log.warn("Command {} for auction {} not acknowledged by Kafka: {}", command.commandId(), command.auctionId(),
                cause.toString());
        return new BrokerUnavailableException(command.commandId());
    }
}
