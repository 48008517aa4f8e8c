package io.gream.settlement.deadletter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Counts every dead letter, whoever wrote it, as {@code gream.dead.letters{source_topic}}: it reads
 * {@code gream.dead-letters} in a consumer group of its own that all replicas share, so each dead letter is counted
 * once across them (sum the series over instances). Limit: a dead letter written while no worker runs is counted when
 * one starts, not when it was written.
 */
class DeadLetterMonitor {

    static final String ID = "dead-letter-monitor";

    private final MeterRegistry meters;

    DeadLetterMonitor(MeterRegistry meters) {
        this.meters = meters;
    }

    @KafkaListener(id = ID, topics = "#{T(io.gream.contracts.Topics).DEAD_LETTERS.name()}",
            groupId = "${gream.settlement.group-id}-dead-letters", containerFactory = "deadLetterListenerFactory")
    void onDeadLetter(ConsumerRecord<byte[], byte[]> record) {
        DeadLetter letter = DeadLetter.of(record);
        Counter.builder("gream.dead.letters")
                .description("records written to gream.dead-letters, by the topic they came from")
                .tag("source_topic", letter.sourceTopic())
                .register(meters)
                .increment();
    }
}
