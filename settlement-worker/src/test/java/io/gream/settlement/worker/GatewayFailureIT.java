package io.gream.settlement.worker;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.gream.contracts.SettlementCompleted;
import io.gream.contracts.SettlementEvent;
import io.gream.contracts.SettlementFailed;
import io.gream.settlement.MutableClock;
import io.gream.settlement.payment.GuardedPaymentGateway;
import io.gream.settlement.payment.SimulatedPaymentGateway;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A payment provider that fails, hangs or declines: bounded time, pending until it heals, no double charge. */
class GatewayFailureIT extends WorkerTestSupport {

    @Test
    void aGatewayThatAlwaysFailsOpensTheCircuitAndEverySaleWaitsUnchargedUntilItHeals() throws Exception {
        SimulatedPaymentGateway failing = reliableGateway();
        failing.goDown();
        MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:01Z"));
        ConfigurableApplicationContext worker = startTimedWorker(failing, clock,
                "--gream.settlement.gateway.retry.max-attempts=3",
                "--gream.settlement.gateway.retry.initial-backoff=10ms",
                "--gream.settlement.gateway.circuit-breaker.minimum-number-of-calls=20",
                "--gream.settlement.gateway.circuit-breaker.sliding-window-size=20",
                "--gream.settlement.gateway.circuit-breaker.wait-in-open-state=1s");
        List<String> auctions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            auctions.add(newAuctionId());
            publish(sold(auctions.get(i), 10_000 + i));
        }

        for (String auctionId : auctions) {
            await().atMost(TIMEOUT).until(() -> settlementRows(auctionId) == 1 && attempts(auctionId) == 1);
            assertThat(state(auctionId)).isEqualTo("PENDING");
            assertThat(settlementEvents.recordsWithKey(auctionId)).isEmpty();
        }
        CircuitBreaker breaker = worker.getBean(GuardedPaymentGateway.class).circuitBreaker();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        // 6 sales x 3 attempts, then 2 attempts of the 7th reach 20 calls and open the circuit; the rest never
        // reach the gateway and are not retried.
        assertThat(failing.chargeRequests()).isEqualTo(20);
        assertThat(failing.chargesTaken()).isZero();

        failing.comeBack();
        clock.advance(Duration.ofHours(1));
        for (String auctionId : auctions) {
            assertThat(event(awaitSettlementEvents(auctionId, 1).get(0))).isInstanceOf(SettlementCompleted.class);
            assertThat(failing.chargesTaken(key(auctionId))).isEqualTo(1);
            assertThat(ledgerLines(auctionId)).isEqualTo(3);
        }
    }

    @Test
    void aHangingGatewayIsCutAtTheTimeLimitAndTheChargeIsFoundByLookupNotRepeated() throws Exception {
        SimulatedPaymentGateway hanging = new SimulatedPaymentGateway(new SimulatedPaymentGateway.Settings(
                Duration.ZERO, 0, 0, 1.0, Duration.ofSeconds(60), 1));
        startWorker(hanging, null, "--gream.settlement.gateway.time-limit=300ms");
        String auctionId = newAuctionId();
        long started = System.nanoTime();

        publish(sold(auctionId, 50_000));
        List<ConsumerRecord<String, byte[]>> events = awaitSettlementEvents(auctionId, 1);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).as("bounded by the time limit, not the 60 s hang").isLessThan(Duration.ofSeconds(20));
        assertThat(event(events.get(0))).isInstanceOf(SettlementCompleted.class);
        assertThat(hanging.chargeRequests(key(auctionId))).isEqualTo(1);
        assertThat(hanging.chargesTaken(key(auctionId))).isEqualTo(1);
        assertThat(ledgerLines(auctionId)).isEqualTo(3);
    }

    @Test
    void aDeclinedCardFailsTheSettlementWithTheGatewaysReason() throws Exception {
        SimulatedPaymentGateway declining = new SimulatedPaymentGateway(new SimulatedPaymentGateway.Settings(
                Duration.ZERO, 0, 1.0, 0, Duration.ZERO, 1));
        startWorker(declining, null);
        String auctionId = newAuctionId();

        publish(sold(auctionId, 7_000));
        SettlementEvent event = event(awaitSettlementEvents(auctionId, 1).get(0));

        assertThat(event).isInstanceOf(SettlementFailed.class);
        assertThat(((SettlementFailed) event).reason()).isEqualTo("CARD_DECLINED");
        assertThat(declining.chargeRequests(key(auctionId))).isEqualTo(1);
        assertThat(ledgerLines(auctionId)).isZero();
    }
}
