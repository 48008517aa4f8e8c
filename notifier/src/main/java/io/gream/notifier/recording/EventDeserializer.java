package io.gream.notifier.recording;

import io.gream.contracts.Topics;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a value of either topic the notifier consumes with that topic's own serde: an {@code AuctionEvent} from
 * {@code gream.auction-events}, a {@code SettlementEvent} from {@code gream.settlement-events}. Wrapped in Spring's
 * {@code ErrorHandlingDeserializer}, so a record it cannot read goes to the dead-letter topic.
 */
final class EventDeserializer implements Deserializer<Object> {

    @Override
    public Object deserialize(String topic, byte[] data) {
        if (Topics.AUCTION_EVENTS.name().equals(topic)) {
            return Topics.AUCTION_EVENTS.valueSerde().deserializer().deserialize(topic, data);
        }
        if (Topics.SETTLEMENT_EVENTS.name().equals(topic)) {
            return Topics.SETTLEMENT_EVENTS.valueSerde().deserializer().deserialize(topic, data);
        }
        throw new SerializationException("The notifier does not read topic " + topic);
    }
}
