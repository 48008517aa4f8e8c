package io.gream.settlement.worker;

import io.gream.contracts.SettlementCompleted;
import io.gream.settlement.TcpProxy;
import io.gream.settlement.payment.SimulatedPaymentGateway;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The database goes away under a running worker and comes back: the worker waits, then settles everything. */
class DatabaseOutageIT extends WorkerTestSupport {

    @Test
    void whileTheDatabaseIsDownTheWorkerStopsAndWhenItReturnsSettlesEverythingOnce() throws Exception {
        SimulatedPaymentGateway gateway = reliableGateway();
        try (TcpProxy databaseLink = new TcpProxy(database.port())) {
            startWorkerVia(databaseLink, gateway);
            String before = newAuctionId();
            publish(sold(before, 2_000));
            awaitSettlementEvents(before, 1);

            databaseLink.cut();
            String during1 = newAuctionId();
            String during2 = newAuctionId();
            publish(sold(during1, 3_000));
            publish(sold(during2, 4_000));

            // Down: nothing charged, nothing settled, nothing published; the worker does not move past the record.
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() ->
                    settlementEvents.recordsWithKey(during1).isEmpty()
                            && settlementEvents.recordsWithKey(during2).isEmpty()
                            && gateway.chargeRequests(key(during1)) == 0);
            assertThat(settlementRows(during1)).isZero();

            databaseLink.restore();

            assertThat(event(awaitSettlementEvents(during1, 1).get(0))).isInstanceOf(SettlementCompleted.class);
            assertThat(event(awaitSettlementEvents(during2, 1).get(0))).isInstanceOf(SettlementCompleted.class);
            for (String auctionId : new String[] {before, during1, during2}) {
                assertThat(gateway.chargesTaken(key(auctionId))).isEqualTo(1);
                assertThat(gateway.chargeRequests(key(auctionId))).isEqualTo(1);
                assertThat(state(auctionId)).isEqualTo("COMPLETED");
                assertThat(ledgerLines(auctionId)).isEqualTo(3);
            }
        }
    }

    private void startWorkerVia(TcpProxy link, SimulatedPaymentGateway gateway) {
        startWorker(gateway, null, database.argsVia(link.port()).toArray(String[]::new));
    }
}
