package io.gream.settlement.worker;

import io.gream.settlement.payment.SimulatedPaymentGateway;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two workers settle the same events at the same time. In one consumer group that happens only briefly (a zombie
 * after a rebalance); here the two are in different groups, so every event is raced, on one database and one
 * payment provider.
 */
class RacingWorkersIT extends WorkerTestSupport {

    @Test
    void twoWorkersRacingOnTheSameEventsChargeEachWinnerOnceAndWriteOneSettlementEach() throws Exception {
        SimulatedPaymentGateway gateway = new SimulatedPaymentGateway(new SimulatedPaymentGateway.Settings(
                Duration.ofMillis(20), 0, 0, 0, Duration.ZERO, 1)); // slow enough for the races to overlap
        startWorker(group, gateway, null);
        startWorker("racing-" + UUID.randomUUID(), gateway, null);
        List<String> auctions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            auctions.add(newAuctionId());
            publish(sold(auctions.get(i), 1_000 + i));
        }

        for (String auctionId : auctions) {
            List<ConsumerRecord<String, byte[]>> events = awaitSettlementEvents(auctionId, 2);
            assertThat(distinctContents(events)).as("both workers publish the same settlement").isEqualTo(1);
            assertThat(gateway.chargesTaken(key(auctionId))).isEqualTo(1);
            assertThat(settlementRows(auctionId)).isEqualTo(1);
            assertThat(ledgerLines(auctionId)).isEqualTo(3);
        }
        assertThat(gateway.chargesTaken()).isEqualTo(20);
    }
}
