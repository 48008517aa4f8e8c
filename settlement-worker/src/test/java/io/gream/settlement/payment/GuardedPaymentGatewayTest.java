package io.gream.settlement.payment;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The Resilience4j guard around a gateway: time limit, retry, circuit breaker, bulkhead. */
class GuardedPaymentGatewayTest {

    private static final GatewayProperties GUARD = new GatewayProperties("simulated", Duration.ofMillis(300),
            new GatewayProperties.RetrySettings(3, Duration.ofMillis(5), 2.0),
            new GatewayProperties.CircuitBreakerSettings(50, 20, 20, Duration.ofMinutes(1)),
            new GatewayProperties.BulkheadSettings(4, Duration.ofMillis(50)), null, null);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private GuardedPaymentGateway guarded;

    @AfterEach
    void close() {
        guarded.close();
    }

    @Test
    void retriesAnUnprocessedChargeWithBackoffAndCountsItOnceAsALogicalCall() {
        SimulatedPaymentGateway failing = gateway(1.0, 0);
        guarded = PaymentGatewayConfiguration.guarded(failing, GUARD, meters);

        assertThatThrownBy(() -> guarded.charge(request("a-1"))).isInstanceOf(GatewayUnavailableException.class);

        assertThat(failing.chargeRequests(request("a-1").idempotencyKey())).isEqualTo(3);
        assertThat(meters.get("resilience4j.retry.calls").tag("name", "payment-gateway-charge")
                .tag("kind", "failed_with_retry").functionCounter().count()).isEqualTo(1);
        assertThat(guarded.circuitBreaker().getMetrics().getNumberOfFailedCalls()).isEqualTo(3);
    }

    @Test
    void opensTheCircuitAfterTheConfiguredCallsAndNeverRetriesCallNotPermitted() {
        SimulatedPaymentGateway failing = gateway(1.0, 0);
        guarded = PaymentGatewayConfiguration.guarded(failing, GUARD, meters);

        for (int i = 0; i < 10; i++) {
            String auction = "a-" + i;
            assertThatThrownBy(() -> guarded.charge(request(auction))).isInstanceOf(GatewayUnavailableException.class);
        }

        assertThat(guarded.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        // 20 attempts reach the gateway (minimum-number-of-calls), then the open circuit refuses without retrying.
        assertThat(failing.chargeRequests()).isEqualTo(20);
        assertThat(guarded.circuitBreaker().getMetrics().getNumberOfNotPermittedCalls()).isEqualTo(4);
    }

    @Test
    void aHangingChargeIsCutAtTheTimeLimitAndReportedAsUnknownNotRetried() {
        SimulatedPaymentGateway hanging = gateway(0, 1.0);
        guarded = PaymentGatewayConfiguration.guarded(hanging, GUARD, meters);
        long started = System.nanoTime();

        assertThatThrownBy(() -> guarded.charge(request("a-1"))).isInstanceOf(ChargeOutcomeUnknownException.class);

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(5_000); // the hang is 30 s
        assertThat(hanging.chargeRequests(request("a-1").idempotencyKey())).isEqualTo(1);
        assertThat(guarded.lookup(request("a-1"))).get().isInstanceOf(PaymentResult.Charged.class);
        assertThat(meters.get("gream.settlement.gateway.latency").tag("operation", "charge")
                .tag("outcome", "unknown").timer().count()).isEqualTo(1);
    }

    @Test
    void theBulkheadTurnsAwayCallsBeyondItsLimitWithoutReachingTheGateway() {
        SimulatedPaymentGateway hanging = gateway(0, 1.0);
        GatewayProperties oneAtATime = new GatewayProperties("simulated", Duration.ofSeconds(2), GUARD.retry(),
                GUARD.circuitBreaker(), new GatewayProperties.BulkheadSettings(1, Duration.ZERO), null, null);
        guarded = PaymentGatewayConfiguration.guarded(hanging, oneAtATime, meters);
        CompletableFuture<?> first = CompletableFuture.runAsync(() -> {
            try {
                guarded.charge(request("a-1"));
            } catch (ChargeOutcomeUnknownException expected) {
                // the hang outlasts the time limit
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> hanging.chargeRequests() == 1);

        assertThatThrownBy(() -> guarded.charge(request("a-2"))).isInstanceOf(GatewayUnavailableException.class)
                .hasMessageContaining("concurrent");

        assertThat(hanging.chargeRequests(request("a-2").idempotencyKey())).isZero();
        first.join();
    }

    @Test
    void aDeclineIsAnAnswerNotAFailure() {
        SimulatedPaymentGateway declining = new SimulatedPaymentGateway(new SimulatedPaymentGateway.Settings(
                Duration.ZERO, 0, 1.0, 0, Duration.ZERO, 3));
        guarded = PaymentGatewayConfiguration.guarded(declining, GUARD, meters);

        assertThat(guarded.charge(request("a-1"))).isInstanceOf(PaymentResult.Declined.class);
        assertThat(declining.chargeRequests()).isEqualTo(1);
        assertThat(guarded.circuitBreaker().getMetrics().getNumberOfFailedCalls()).isZero();
    }

    private static SimulatedPaymentGateway gateway(double failureRate, double timeoutRate) {
        return new SimulatedPaymentGateway(new SimulatedPaymentGateway.Settings(Duration.ZERO, failureRate, 0,
                timeoutRate, Duration.ofSeconds(30), 1));
    }

    private static ChargeRequest request(String auctionId) {
        return new ChargeRequest(IdempotencyKeys.forAuction(auctionId), auctionId, "buyer-1", 1_000, "KRW", "x");
    }
}
