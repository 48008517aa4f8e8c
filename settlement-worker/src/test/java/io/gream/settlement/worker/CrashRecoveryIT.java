package io.gream.settlement.worker;

import io.gream.contracts.SettlementCompleted;
import io.gream.settlement.worker.CrashAt.Step;
import io.gream.settlement.payment.SimulatedPaymentGateway;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The worker dies between two steps of a settlement (an {@link Error} thrown from the step hook stops its consumer
 * without committing, as a killed process would), then a new worker starts in its place: exactly one charge, the
 * settlement is not lost, the ledger balances, and every published copy of the event is the same.
 */
class CrashRecoveryIT extends WorkerTestSupport {

    @ParameterizedTest
    @EnumSource(Step.class)
    void aCrashAtAnyStepThenARestartChargesOnceAndLosesNothing(Step step) throws Exception {
        SimulatedPaymentGateway gateway = reliableGateway(); // the provider outlives the worker
        String auctionId = newAuctionId();
        String next = newAuctionId();
        CrashAt crash = new CrashAt(step, sale -> sale.auctionId().equals(auctionId));
        ConfigurableApplicationContext first = startWorker(gateway, crash);

        publish(sold(auctionId, 30_000));
        publish(sold(next, 8_000));
        assertThat(crash.awaitCrash()).isTrue();
        await().atMost(TIMEOUT).until(() -> !listener(first).isRunning());

        // What the crash left behind.
        assertThat(gateway.chargesTaken(key(auctionId))).isEqualTo(step == Step.BEFORE_CHARGE ? 0 : 1);
        switch (step) {
            case BEFORE_CHARGE -> {
                assertThat(state(auctionId)).isEqualTo("PENDING");
                assertThat(gateway.chargeRequests(key(auctionId))).isZero();
            }
            case AFTER_CHARGE_BEFORE_COMMIT -> {
                assertThat(state(auctionId)).isEqualTo("PENDING");
                assertThat(ledgerLines(auctionId)).isZero();
            }
            case AFTER_COMMIT_BEFORE_PUBLISH -> {
                assertThat(state(auctionId)).isEqualTo("COMPLETED");
                assertThat(settlementEvents.recordsWithKey(auctionId)).isEmpty();
            }
            case AFTER_PUBLISH_BEFORE_OFFSET_COMMIT -> assertThat(awaitSettlementEvents(auctionId, 1)).hasSize(1);
        }
        stop(first);

        startWorker(gateway, null);
        int expectedCopies = step == Step.AFTER_PUBLISH_BEFORE_OFFSET_COMMIT ? 2 : 1;
        List<ConsumerRecord<String, byte[]>> events = awaitSettlementEvents(auctionId, expectedCopies);
        awaitSettlementEvents(next, 1);

        assertThat(gateway.chargesTaken(key(auctionId))).isEqualTo(1);
        assertThat(gateway.chargeRequests(key(auctionId))).as("never charged again, only looked up").isEqualTo(1);
        assertThat(settlementRows(auctionId)).isEqualTo(1);
        assertThat(state(auctionId)).isEqualTo("COMPLETED");
        assertThat(ledgerLines(auctionId)).isEqualTo(3);
        assertThat(events).hasSize(expectedCopies);
        assertThat(distinctContents(events)).isEqualTo(1);
        assertThat(event(events.get(0))).isInstanceOf(SettlementCompleted.class);
        assertThat(gateway.chargesTaken(key(next))).isEqualTo(1);
        assertThat(state(next)).isEqualTo("COMPLETED");
    }
}
