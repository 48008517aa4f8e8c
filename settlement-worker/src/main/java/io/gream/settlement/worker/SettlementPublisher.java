package io.gream.settlement.worker;

import io.gream.contracts.SettlementEvent;
import io.gream.contracts.Topics;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Publishes a settlement event and returns only once the broker has acknowledged it (idempotent, acks=all). */
public class SettlementPublisher {

    private final KafkaTemplate<String, SettlementEvent> template;
    private final Duration timeout;

    SettlementPublisher(KafkaTemplate<String, SettlementEvent> template, Duration timeout) {
        this.template = template;
        this.timeout = timeout;
    }

    public void publish(SettlementEvent event) {
        try {
            template.send(Topics.SETTLEMENT_EVENTS.name(), event.auctionId(), event)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + event.eventId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish " + event.eventId() + ": " + e.getMessage(), e);
        }
    }
}
