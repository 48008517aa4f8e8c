package io.gream.ingress.command;

import io.gream.contracts.AuctionCommand;
import io.gream.contracts.CommandLogEntry;
import io.gream.contracts.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Writes a command to {@code gream.auction-commands}, keyed by its auction id, and returns only once the broker has
 * acknowledged it ({@code acks=all}, idempotent producer). Anything else (no metadata within {@code max.block.ms},
 * delivery timeout, a broker error, our own timeout) is a {@link BrokerUnavailableException}.
 *
 * <p>The wait for the acknowledgement holds no thread ({@link #publishAsync}); what follows it runs on
 * {@code continuations}, never on the producer's network thread, which must stay free to read the next acks.
 */
public class CommandPublisher {

    private static final Logger log = LoggerFactory.getLogger(CommandPublisher.class);

    private final KafkaTemplate<String, CommandLogEntry> template;
    private final Duration ackTimeout;
    private final Executor continuations;

    CommandPublisher(KafkaTemplate<String, CommandLogEntry> template, Duration ackTimeout, Executor continuations) {
        this.template = template;
        this.ackTimeout = ackTimeout;
        this.continuations = continuations;
    }

    /** Blocks until the broker acknowledged {@code command}, or throws {@link BrokerUnavailableException}. */
    public void publish(AuctionCommand command) {
        try {
            publishAsync(command).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Completes once the broker acknowledged {@code command}, or exceptionally with
     * {@link BrokerUnavailableException}. Sending may still block the caller up to {@code max.block.ms} while the
     * producer has no metadata (the broker is unreachable).
     */
    public CompletableFuture<Void> publishAsync(AuctionCommand command) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        try {
            template.send(Topics.AUCTION_COMMANDS.name(), command.auctionId(), command)
                    .orTimeout(ackTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    .whenCompleteAsync((result, error) -> {
                        if (error == null) {
                            acked.complete(null);
                        } else {
                            acked.completeExceptionally(unavailable(command,
                                    error instanceof CompletionException && error.getCause() != null
                                            ? error.getCause() : error));
                        }
                    }, continuations);
        } catch (RuntimeException e) {
            acked.completeExceptionally(unavailable(command, e));
        }
        return acked;
    }

    private static BrokerUnavailableException unavailable(AuctionCommand command, Throwable cause) {
        log.warn("Command {} for auction {} not acknowledged by Kafka: {}", command.commandId(), command.auctionId(),
                cause.toString());
        return new BrokerUnavailableException(command.commandId());
    }
}
