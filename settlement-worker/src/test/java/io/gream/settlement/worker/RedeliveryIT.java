package io.gream.settlement.worker;

import io.gream.contracts.AuctionClosed;
import io.gream.contracts.CloseOutcome;
import io.gream.contracts.SettlementCompleted;
import io.gream.settlement.payment.SimulatedPaymentGateway;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A close event delivered again and again (redelivery, replays, a duplicating producer) settles once. */
class RedeliveryIT extends WorkerTestSupport {

    @Test
    void theSameCloseEventDeliveredAHundredTimesChargesOnceAndKeepsOneSettlementAndOneJournal() throws Exception {
        SimulatedPaymentGateway gateway = reliableGateway();
        ConfigurableApplicationContext worker = startWorker(gateway, null);
        String auctionId = newAuctionId();

        for (int i = 0; i < 100; i++) {
            publish(sold(auctionId, 12_345));
        }
        List<ConsumerRecord<String, byte[]>> events = awaitSettlementEvents(auctionId, 100);

        assertThat(gateway.chargesTaken(key(auctionId))).isEqualTo(1);
        assertThat(gateway.chargeRequests(key(auctionId))).isEqualTo(1);
        assertThat(settlementRows(auctionId)).isEqualTo(1);
        assertThat(ledgerLines(auctionId)).isEqualTo(3);
        assertThat(events).hasSize(100);
        assertThat(distinctContents(events)).as("every copy has the same content").isEqualTo(1);
        SettlementCompleted completed = (SettlementCompleted) event(events.get(0));
        assertThat(completed.price()).isEqualTo(12_345);
        assertThat(completed.fee()).isEqualTo(1_234);
        assertThat(completed.sellerProceeds()).isEqualTo(11_111);
        assertThat(completed.closeEventId()).isEqualTo(auctionId + ":5");
        MeterRegistry meters = worker.getBean(MeterRegistry.class);
        assertThat(meters.get("gream.settlement.settlements").tag("outcome", "completed").counter().count())
                .isEqualTo(1);
        assertThat(meters.get("gream.settlement.settlements").tag("outcome", "republished").counter().count())
                .isEqualTo(99);
        assertThat(meters.get("gream.settlement.lag").timer().count()).isEqualTo(1);
        assertThat(get(worker, "/actuator/prometheus")).contains("gream_settlement_settlements_total")
                .contains("gream_settlement_lag_seconds_count").contains("gream_settlement_gateway_latency_seconds")
                .contains("resilience4j_circuitbreaker_state");
        assertThat(get(worker, "/actuator/health")).contains("\"status\":\"UP\"").contains("\"db\"");
    }

    @Test
    void auctionsWithoutAWinnerAreSkippedAndChargeNoOne() throws Exception {
        SimulatedPaymentGateway gateway = reliableGateway();
        startWorker(gateway, null);
        String unsold = newAuctionId();
        String sold = newAuctionId();

        publish(new AuctionClosed(unsold + ":1", unsold, 1, CLOSED_AT, null, "seller-1", null,
                CloseOutcome.NO_BIDS, null, null, 0));
        publish(new AuctionClosed(unsold + ":2", unsold, 2, CLOSED_AT, null, "seller-1", null,
                CloseOutcome.RESERVE_NOT_MET, null, null, 2));
        publish(sold(sold, 9_000));
        awaitSettlementEvents(sold, 1);

        assertThat(settlementRows(unsold)).isZero();
        assertThat(settlementEvents.recordsWithKey(unsold)).isEmpty();
        assertThat(gateway.chargeRequests()).isEqualTo(1);
    }
}
