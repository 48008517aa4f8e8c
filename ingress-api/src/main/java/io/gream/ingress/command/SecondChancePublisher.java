package io.gream.ingress.command;

import io.gream.contracts.SecondChanceCommand;
import io.gream.contracts.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes a second-chance command to {@code gream.settlement-commands}, keyed by its auction id, and returns only once
 * the broker acknowledged it ({@code acks=all}, idempotent producer); otherwise {@link BrokerUnavailableException}.
 * Blocking is fine here, unlike for bids: these commands are rare and nobody waits on their outcome in the request.
 */
public class SecondChancePublisher {

    private static final Logger log = LoggerFactory.getLogger(SecondChancePublisher.class);

    private final KafkaTemplate<String, SecondChanceCommand> template;
    private final Duration ackTimeout;

    SecondChancePublisher(KafkaTemplate<String, SecondChanceCommand> template, Duration ackTimeout) {
        this.template = template;
        this.ackTimeout = ackTimeout;
    }

    public void publish(SecondChanceCommand command) {
        try {
            template.send(Topics.SETTLEMENT_COMMANDS.name(), command.auctionId(), command)
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(command, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw unavailable(command, e);
        }
    }

    private static BrokerUnavailableException unavailable(SecondChanceCommand command, Exception cause) {
        log.warn("Command {} for auction {} not acknowledged by Kafka: {}", command.commandId(), command.auctionId(),
                cause.toString());
        return new BrokerUnavailableException(command.commandId());
    }
}
