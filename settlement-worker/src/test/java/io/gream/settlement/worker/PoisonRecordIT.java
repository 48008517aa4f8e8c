package io.gream.settlement.worker;

import io.gream.contracts.AuctionClosed;
import io.gream.contracts.CloseOutcome;
import io.gream.contracts.Topics;
import io.gream.settlement.payment.SimulatedPaymentGateway;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Records the worker cannot read or settle go to gream.dead-letters, and the worker carries on. */
class PoisonRecordIT extends WorkerTestSupport {

    @Test
    void unreadableAndUnsettleableRecordsGoToDeadLettersWithTheirKeyBytesAndErrorAndTheWorkerContinues()
            throws Exception {
        SimulatedPaymentGateway gateway = reliableGateway();
        startWorker(gateway, null);
        String garbled = newAuctionId();
        String priceless = newAuctionId();
        String fine = newAuctionId();
        byte[] garbage = "{\"type\":\"AuctionClosed\",\"auctionId\":".getBytes(StandardCharsets.UTF_8);

        publishRaw(garbled, garbage);
        publish(new AuctionClosed(priceless + ":3", priceless, 3, CLOSED_AT, null, "seller-1", null,
                CloseOutcome.SOLD, "buyer-1", null, 2));
        publish(sold(fine, 4_000));
        awaitSettlementEvents(fine, 1);

        try (TopicReader deadLetters = new TopicReader(broker, Topics.DEAD_LETTERS.name())) {
            ConsumerRecord<String, byte[]> unreadable = deadLetters.awaitKey(garbled, records -> !records.isEmpty())
                    .get(0);
            assertThat(unreadable.value()).isEqualTo(garbage);
            assertThat(header(unreadable, KafkaHeaders.DLT_EXCEPTION_FQCN)).contains("DeserializationException");
            assertThat(header(unreadable, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.AUCTION_EVENTS.name());

            List<ConsumerRecord<String, byte[]>> unsettleable = deadLetters.awaitKey(priceless,
                    records -> !records.isEmpty());
            assertThat(header(unsettleable.get(0), KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                    .contains("InvalidCloseEventException");
            assertThat(new String(unsettleable.get(0).value(), StandardCharsets.UTF_8))
                    .contains("\"auctionId\":\"" + priceless + "\"");
        }
        assertThat(settlementRows(garbled)).isZero();
        assertThat(settlementRows(priceless)).isZero();
        assertThat(gateway.chargeRequests()).isEqualTo(1);
        assertThat(state(fine)).isEqualTo("COMPLETED");
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
