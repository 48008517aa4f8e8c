package io.gream.support.kafka;

import io.gream.contracts.AuctionEvent;
import io.gream.contracts.GreamJson;
import io.gream.contracts.SettlementEvent;
import io.gream.contracts.Topics;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.charset.StandardCharsets;

/**
 * Dead letters carry the original bytes: a record that could not be read arrives here as the raw bytes spring-kafka
 * kept; one that was read but could not be handled is written back as its event's JSON, as on its own topic.
 */
final class OriginalBytesSerializer implements Serializer<Object> {

    private final Serializer<AuctionEvent> auctionEvents = Topics.AUCTION_EVENTS.valueSerde().serializer();
    private final Serializer<SettlementEvent> settlementEvents = Topics.SETTLEMENT_EVENTS.valueSerde().serializer();

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (data instanceof byte[] bytes) {
            return bytes;
        }
        if (data instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (data instanceof AuctionEvent event) {
            return auctionEvents.serialize(topic, event);
        }
        if (data instanceof SettlementEvent event) {
            return settlementEvents.serialize(topic, event);
        }
        return GreamJson.mapper().writeValueAsBytes(data);
    }
}
