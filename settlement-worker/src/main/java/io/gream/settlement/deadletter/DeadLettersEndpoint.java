package io.gream.settlement.deadletter;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Dead letters for operators, as an actuator endpoint: {@code GET /actuator/deadletters} lists them (where each came
 * from, the error, the key and value as text, whether it was replayed); {@code POST /actuator/deadletters} with
 * {@code {"sourceTopic":"gream.auction-events"}} replays every dead letter of that topic, or with
 * {@code {"partition":0,"offset":12}} the one at that place in {@code gream.dead-letters}. Replaying one again does
 * nothing. Protected as the other actuator endpoints are: on an internal network only.
 */
@Endpoint(id = "deadletters")
class DeadLettersEndpoint {

    private final DeadLetterReplayer replayer;

    DeadLettersEndpoint(DeadLetterReplayer replayer) {
        this.replayer = replayer;
    }

    record Row(int partition, long offset, String sourceTopic, int sourcePartition, long sourceOffset,
               String consumerGroup, String error, String key, String value, boolean replayed) {
    }

    @ReadOperation
    List<Row> list() {
        return replayer.list().stream().map(listed -> {
            DeadLetter letter = listed.letter();
            return new Row(letter.partition(), letter.offset(), letter.sourceTopic(), letter.sourcePartition(),
                    letter.sourceOffset(), letter.consumerGroup(), letter.error(), text(letter.key()),
                    text(letter.value()), listed.replayed());
        }).toList();
    }

    @WriteOperation
    List<DeadLetterReplayer.Replay> replay(@Nullable String sourceTopic, @Nullable Integer partition,
                                           @Nullable Long offset) {
        if (sourceTopic != null && !sourceTopic.isBlank()) {
            return replayer.replay(letter -> letter.sourceTopic().equals(sourceTopic));
        }
        if (partition != null && offset != null) {
            return replayer.replay(letter -> letter.partition() == partition && letter.offset() == offset);
        }
        throw new InvalidEndpointRequestException("give sourceTopic, or partition and offset",
                "give sourceTopic, or partition and offset");
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
