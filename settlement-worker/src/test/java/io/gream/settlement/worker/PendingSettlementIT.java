package io.gream.settlement.worker;

import io.gream.contracts.SettlementCompleted;
import io.gream.contracts.SettlementEvent;
import io.gream.contracts.SettlementFailed;
import io.gream.settlement.MutableClock;
import io.gream.settlement.payment.SimulatedPaymentGateway;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Outages are waited out: a sale the gateway cannot charge now, or whose charge has an unknown outcome, stays PENDING
 * and is retried after a backoff (time moved by the test's clock), looked up by its key before every retry; only a
 * lookup that finds no charge past the deadline fails it.
 */
class PendingSettlementIT extends WorkerTestSupport {

    private static final Instant START = Instant.parse("2026-11-20T10:00:01Z");

    @Test
    void aSaleDuringAnOutageStaysPendingAndIsChargedOnceWhenTheGatewayReturns() throws Exception {
        SimulatedPaymentGateway gateway = reliableGateway();
        gateway.goDown();
        MutableClock clock = new MutableClock(START);
        ConfigurableApplicationContext worker = startTimedWorker(gateway, clock);
        String auctionId = newAuctionId();

        publish(sold(auctionId, 25_000));
        await().atMost(TIMEOUT).until(() -> settlementRows(auctionId) == 1 && attempts(auctionId) == 1);

        assertThat(state(auctionId)).isEqualTo("PENDING");
        assertThat(gateway.chargesTaken()).isZero();
        assertThat(settlementEvents.recordsWithKey(auctionId)).as("nothing published while pending").isEmpty();
        String pending = get(worker, "/actuator/settlements/PENDING");
        assertThat(pending).contains(auctionId).contains("\"attempts\":1")
                .contains("\"nextAttemptAt\":\"2026-11-20T10:00:31Z\"")
                .contains("\"deadlineAt\":\"2026-11-23T10:00:01Z\"").contains("simulated outage");
        MeterRegistry meters = worker.getBean(MeterRegistry.class);
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(meters.get("gream.settlement.pending").gauge().value()).isEqualTo(1.0);
            assertThat(meters.get("gream.settlement.pending.next.attempt").gauge().value()).isEqualTo(30.0);
        });
        assertThat(meters.get("gream.settlement.put.offs").counter().count()).isEqualTo(1.0);
        assertThat(get(worker, "/actuator/prometheus")).contains("gream_settlement_pending{")
                .contains("gream_settlement_pending_next_attempt_seconds{").contains("gream_settlement_put_offs_total{");

        clock.advance(Duration.ofSeconds(29));
        assertThat(attempts(auctionId)).as("not retried before it is due").isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        await().atMost(TIMEOUT).until(() -> attempts(auctionId) == 2);
        assertThat(state(auctionId)).isEqualTo("PENDING");

        gateway.comeBack();
        clock.advance(Duration.ofMinutes(1));
        SettlementEvent event = event(awaitSettlementEvents(auctionId, 1).get(0));

        assertThat(event).isInstanceOf(SettlementCompleted.class);
        assertThat(state(auctionId)).isEqualTo("COMPLETED");
        assertThat(gateway.chargesTaken(key(auctionId))).isEqualTo(1);
        assertThat(ledgerLines(auctionId)).isEqualTo(3);
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(get(worker, "/actuator/settlements"))
                .contains("\"pending\":0"));
    }

    @Test
    void aChargeWithAnUnknownOutcomeIsLookedUpNotRepeatedEvenWhileLookupsAreDown() throws Exception {
        SimulatedPaymentGateway gateway = reliableGateway();
        gateway.chargeThenErr(true);
        gateway.lookupsDown(true);
        MutableClock clock = new MutableClock(START);
        startTimedWorker(gateway, clock);
        String auctionId = newAuctionId();

        publish(sold(auctionId, 40_000));
        await().atMost(TIMEOUT).until(() -> settlementRows(auctionId) == 1 && attempts(auctionId) == 1);

        assertThat(state(auctionId)).isEqualTo("PENDING");
        assertThat(gateway.chargesTaken(key(auctionId))).as("the money was taken").isEqualTo(1);
        clock.advance(Duration.ofSeconds(30));
        await().atMost(TIMEOUT).until(() -> attempts(auctionId) == 2);
        assertThat(state(auctionId)).as("still unknown: not failed, not charged again").isEqualTo("PENDING");

        gateway.chargeThenErr(false);
        gateway.lookupsDown(false);
        clock.advance(Duration.ofMinutes(1));
        SettlementEvent event = event(awaitSettlementEvents(auctionId, 1).get(0));

        assertThat(event).isInstanceOf(SettlementCompleted.class);
        assertThat(gateway.chargeRequests(key(auctionId))).as("found by lookup, never charged again").isEqualTo(1);
        assertThat(gateway.chargesTaken(key(auctionId))).isEqualTo(1);
        assertThat(ledgerLines(auctionId)).isEqualTo(3);
    }

    @Test
    void theDeadlineFailsASaleOnlyOnceALookupFindsNoCharge() throws Exception {
        SimulatedPaymentGateway gateway = reliableGateway();
        gateway.goDown();
        MutableClock clock = new MutableClock(START);
        ConfigurableApplicationContext worker = startTimedWorker(gateway, clock,
                "--gream.settlement.pending.deadline=2h");
        String auctionId = newAuctionId();

        publish(sold(auctionId, 9_000));
        await().atMost(TIMEOUT).until(() -> settlementRows(auctionId) == 1 && attempts(auctionId) == 1);
        clock.advance(Duration.ofHours(3));
        await().atMost(TIMEOUT).until(() -> attempts(auctionId) == 2);

        assertThat(state(auctionId)).as("past the deadline, but the charge could not be looked up")
                .isEqualTo("PENDING");
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(get(worker, "/actuator/settlements"))
                .contains("\"pastDeadline\":1"));
        assertThat(worker.getBean(MeterRegistry.class).get("gream.settlement.pending.past.deadline").gauge().value())
                .isEqualTo(1.0);

        int chargeRequestsBeforeTheDeadline = gateway.chargeRequests(key(auctionId));
        gateway.comeBack();
        clock.advance(Duration.ofHours(1));
        SettlementEvent event = event(awaitSettlementEvents(auctionId, 1).get(0));

        assertThat(event).isInstanceOf(SettlementFailed.class);
        assertThat(((SettlementFailed) event).reason()).isEqualTo(Settler.SETTLEMENT_DEADLINE);
        assertThat(failureReason(auctionId)).isEqualTo(Settler.SETTLEMENT_DEADLINE);
        assertThat(gateway.chargeRequests(key(auctionId))).as("no charge after the deadline")
                .isEqualTo(chargeRequestsBeforeTheDeadline);
        assertThat(gateway.chargesTaken()).isZero();
        assertThat(ledgerLines(auctionId)).isZero();
    }
}
