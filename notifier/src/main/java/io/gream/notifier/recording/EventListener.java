package io.gream.notifier.recording;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads both event topics (group {@code gream-notifier}, read_committed) and records each event. One record at a
 * time, offset committed after its transaction ({@code AckMode.RECORD}); a record that fails even after retries goes
 * to {@code gream.dead-letters} and the listener moves on (see {@link ConsumerConfiguration}).
 */
@Component
class EventListener {

    private static final Logger log = LoggerFactory.getLogger(EventListener.class);

    private final NotificationRecorder recorder;

    EventListener(NotificationRecorder recorder) {
        this.recorder = recorder;
    }

    @KafkaListener(id = "gream-notifier-events", groupId = "${spring.kafka.consumer.group-id:gream-notifier}", topics = {"gream.auction-events", "gream.settlement-events"},
            containerFactory = ConsumerConfiguration.CONTAINER_FACTORY)
    void on(ConsumerRecord<String, Object> record) {
        int created = recorder.record(record.value());
        if (created > 0) {
            log.debug("{} notification(s) from {}-{}@{}", created, record.topic(), record.partition(),
                    record.offset());
        }
    }
}
