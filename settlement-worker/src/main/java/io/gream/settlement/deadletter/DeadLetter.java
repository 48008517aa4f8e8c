package io.gream.settlement.deadletter;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.support.KafkaHeaders;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A record on {@code gream.dead-letters}, with where it came from. Two writers, two header sets: spring-kafka's
 * {@code kafka_dlt-original-*} (partition and offset as big-endian binary) and Kafka Streams'
 * {@code __streams.errors.*} (text).
 *
 * @param sourceTopic     the topic the original record was on; {@code unknown} when no header says
 * @param sourcePartition -1 when unknown
 * @param sourceOffset    -1 when unknown
 */
public record DeadLetter(int partition, long offset, String sourceTopic, int sourcePartition, long sourceOffset,
                         String consumerGroup, String error, byte[] key, byte[] value) {

    static final String STREAMS_TOPIC = "__streams.errors.topic";
    static final String STREAMS_PARTITION = "__streams.errors.partition";
    static final String STREAMS_OFFSET = "__streams.errors.offset";
    static final String STREAMS_MESSAGE = "__streams.errors.message";
    static final String STREAMS_EXCEPTION = "__streams.errors.exception";

    static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
        Headers headers = record.headers();
        String springTopic = text(headers.lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC));
        if (springTopic != null) {
            return new DeadLetter(record.partition(), record.offset(), springTopic,
                    binaryInt(headers.lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION)),
                    binaryLong(headers.lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET)),
                    text(headers.lastHeader(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)),
                    text(headers.lastHeader(KafkaHeaders.DLT_EXCEPTION_FQCN)) + ": "
                            + text(headers.lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE)),
                    record.key(), record.value());
        }
        String streamsTopic = text(headers.lastHeader(STREAMS_TOPIC));
        return new DeadLetter(record.partition(), record.offset(), streamsTopic == null ? "unknown" : streamsTopic,
                (int) number(headers.lastHeader(STREAMS_PARTITION)), number(headers.lastHeader(STREAMS_OFFSET)),
                null, text(headers.lastHeader(STREAMS_EXCEPTION)) + ": " + text(headers.lastHeader(STREAMS_MESSAGE)),
                record.key(), record.value());
    }

    /** Whether it says where it came from, so it can be replayed there. */
    boolean replayable() {
        return !"unknown".equals(sourceTopic) && sourcePartition >= 0 && sourceOffset >= 0;
    }

    private static String text(Header header) {
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static int binaryInt(Header header) {
        return header == null || header.value() == null || header.value().length != Integer.BYTES ? -1
                : ByteBuffer.wrap(header.value()).getInt();
    }

    private static long binaryLong(Header header) {
        return header == null || header.value() == null || header.value().length != Long.BYTES ? -1
                : ByteBuffer.wrap(header.value()).getLong();
    }

    private static long number(Header header) {
        try {
            return header == null ? -1 : Long.parseLong(text(header).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
