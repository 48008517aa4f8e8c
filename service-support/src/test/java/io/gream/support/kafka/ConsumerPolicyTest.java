package io.gream.support.kafka;

import io.gream.contracts.AuctionCancelled;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.util.backoff.FixedBackOff;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What the consumer policy enforces whatever the yml says, and what a dead letter carries. */
class ConsumerPolicyTest {

    private final KafkaProperties kafka = new KafkaProperties();
    private final ConsumerPolicy policy = new ConsumerPolicy(kafka, new KafkaTemplate<>(
            new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties())));

    @Test
    void consumersReadOnlyCommittedRecordsCommitNothingThemselvesAndStartANewGroupAtTheBeginning() {
        kafka.getConsumer().setIsolationLevel(KafkaProperties.IsolationLevel.READ_UNCOMMITTED);
        kafka.getConsumer().setEnableAutoCommit(true);
        kafka.getConsumer().setAutoOffsetReset("latest");
        kafka.getConsumer().setMaxPollRecords(7);

        ConsumerFactory<String, String> consumers = policy.consumerFactory(new StringDeserializer());

        assertThat(consumers.getConfigurationProperties())
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 7);
    }

    @Test
    void listenerContainersCommitEachRecordAfterItsListenerReturned() {
        var errors = policy.deadLettering(new FixedBackOff(0, 0));
        var factory = policy.listenerContainerFactory(policy.consumerFactory(new StringDeserializer()), errors);

        assertThat(factory.getContainerProperties().getAckMode()).isEqualTo(ContainerProperties.AckMode.RECORD);
    }

    @Test
    void deadLettersKeepUnreadableBytesAsTheyWereAndWriteReadEventsAsOnTheirOwnTopic() {
        OriginalBytesSerializer serializer = new OriginalBytesSerializer();
        byte[] unreadable = {0x00, (byte) 0xff, '{'};
        AuctionEvent event = new AuctionCancelled("e-1", "a-1", 3, Instant.parse("2030-01-01T12:00:00Z"), "c-1",
                "seller-1");

        assertThat(serializer.serialize(Topics.DEAD_LETTERS.name(), unreadable)).isSameAs(unreadable);
        assertThat(serializer.serialize(Topics.DEAD_LETTERS.name(), "a-1"))
                .isEqualTo("a-1".getBytes(StandardCharsets.UTF_8));
        assertThat(serializer.serialize(Topics.DEAD_LETTERS.name(), event))
                .isEqualTo(Topics.AUCTION_EVENTS.valueSerde().serializer().serialize(Topics.AUCTION_EVENTS.name(),
                        event));
        assertThat(serializer.serialize(Topics.DEAD_LETTERS.name(), null)).isNull();
    }
}
