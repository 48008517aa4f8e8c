package io.gream.settlement.worker;

import io.gream.contracts.PaymentRefunded;
import io.gream.contracts.SettlementEvent;
import io.gream.contracts.SettlementFailed;
import io.gream.settlement.MutableClock;
import io.gream.settlement.payment.RefundRequest;
import io.gream.settlement.payment.SimulatedPaymentGateway;
import io.gream.settlement.store.SettlementStore;
import io.gream.settlement.store.SoldAuction;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Refunds through the worker's operator endpoint and the gateway's cancel: reversing journals linked to the sale, in
 * whole or in parts that split between fee and seller exactly, a seller's fee refund, a refund waiting out an
 * outage, a crash between the gateway's refund and its record, and a charge that lands after its sale had failed.
 */
class RefundIT extends WorkerTestSupport {

    private static final Instant START = Instant.parse("2026-11-20T10:00:01Z");

    @Test
    void aFullRefundGoesThroughTheGatewayOnceAndReversesTheSaleJournal() throws Exception {
        SimulatedPaymentGateway gateway = reliableGateway();
        ConfigurableApplicationContext worker = startTimedWorker(gateway, new MutableClock(START));
        String auctionId = settled(10_000);

        HttpResponse<String> first = post(worker, "/actuator/refunds", order(auctionId, "r-full", "BUYER", 10_000));
        HttpResponse<String> again = post(worker, "/actuator/refunds", order(auctionId, "r-full", "BUYER", 10_000));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"state\":\"REFUNDED\"");
        assertThat(again.body()).contains("\"state\":\"REFUNDED\"");
        assertThat(gateway.refunded(key(auctionId))).isEqualTo(10_000);
        assertThat(gateway.refundsMade()).isEqualTo(1);
        assertThat(lines("r-full")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "BUYER_PAYMENT", -10_000L, "SELLER_PROCEEDS", 9_000L, "PLATFORM_FEE", 1_000L));
        assertThat(new JdbcTemplate(db()).queryForList(
                "SELECT DISTINCT reverses_journal_id FROM ledger_line WHERE journal_id = 'r-full'", String.class))
                .containsExactly(auctionId);
        List<ConsumerRecord<String, byte[]>> events = awaitSettlementEvents(auctionId, 2);
        PaymentRefunded refunded = (PaymentRefunded) event(events.get(1));
        assertThat(refunded.amount()).isEqualTo(10_000);
        assertThat(refunded.kind()).isEqualTo("BUYER");
        assertThat(refunded.eventId()).isEqualTo(auctionId + ":refund:r-full");
        assertThat(worker.getBean(MeterRegistry.class).get("gream.settlement.refunds").tag("kind", "BUYER")
                .tag("outcome", "refunded").counter().count()).isEqualTo(1.0);
        assertThat(get(worker, "/actuator/ledger")).contains("\"account\":\"platform:fees\"");
    }

    @Test
    void partialRefundsSplitBetweenFeeAndSellerAndNeverExceedThePrice() throws Exception {
        SimulatedPaymentGateway gateway = reliableGateway();
        ConfigurableApplicationContext worker = startTimedWorker(gateway, new MutableClock(START));
        String auctionId = settled(12_345); // fee 1,234, seller 11,111

        post(worker, "/actuator/refunds", order(auctionId, "r-part-1", "BUYER", 5_000));
        post(worker, "/actuator/refunds", order(auctionId, "r-part-2", "BUYER", 7_345));
        HttpResponse<String> tooMuch = post(worker, "/actuator/refunds", order(auctionId, "r-part-3", "BUYER", 1));

        assertThat(lines("r-part-1")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "BUYER_PAYMENT", -5_000L, "SELLER_PROCEEDS", 4_501L, "PLATFORM_FEE", 499L));
        assertThat(lines("r-part-2")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "BUYER_PAYMENT", -7_345L, "SELLER_PROCEEDS", 6_610L, "PLATFORM_FEE", 735L));
        assertThat(tooMuch.statusCode()).isEqualTo(400);
        assertThat(gateway.refunded(key(auctionId))).isEqualTo(12_345);
        assertThat(LedgerInvariantsFor.sale(auctionId)).as("the sale and its refunds net to nothing")
                .containsOnlyKeys("BUYER_PAYMENT", "SELLER_PROCEEDS", "PLATFORM_FEE")
                .allSatisfy((type, sum) -> assertThat(sum).isZero());
    }

    @Test
    void aSellerIsRefundedPartOfTheFeeInsideTheLedgerOnly() throws Exception {
        SimulatedPaymentGateway gateway = reliableGateway();
        ConfigurableApplicationContext worker = startTimedWorker(gateway, new MutableClock(START));
        String auctionId = settled(10_000); // fee 1,000

        HttpResponse<String> response = post(worker, "/actuator/refunds",
                order(auctionId, "r-fee", "SELLER_FEE", 400));
        HttpResponse<String> beyondTheFee = post(worker, "/actuator/refunds",
                order(auctionId, "r-fee-2", "SELLER_FEE", 601));

        assertThat(response.body()).contains("\"state\":\"REFUNDED\"");
        assertThat(beyondTheFee.statusCode()).isEqualTo(400);
        assertThat(lines("r-fee")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "PLATFORM_FEE", 400L, "SELLER_PROCEEDS", -400L));
        assertThat(gateway.refundsMade()).as("no money leaves the platform").isZero();
        PaymentRefunded refunded = (PaymentRefunded) event(awaitSettlementEvents(auctionId, 2).get(1));
        assertThat(refunded.kind()).isEqualTo("SELLER_FEE");
    }

    @Test
    void aRefundDuringAnOutageStaysPendingAndGoesThroughOnceWhenTheGatewayReturns() throws Exception {
        SimulatedPaymentGateway gateway = reliableGateway();
        MutableClock clock = new MutableClock(START);
        ConfigurableApplicationContext worker = startTimedWorker(gateway, clock);
        String auctionId = settled(8_000);
        gateway.goDown();

        HttpResponse<String> response = post(worker, "/actuator/refunds", order(auctionId, "r-wait", "BUYER", 8_000));

        assertThat(response.body()).contains("\"state\":\"PENDING\"");
        assertThat(lines("r-wait")).isEmpty();
        gateway.comeBack();
        clock.advance(Duration.ofHours(1));
        await().atMost(TIMEOUT).until(() -> "REFUNDED".equals(refundState("r-wait")));
        assertThat(gateway.refunded(key(auctionId))).isEqualTo(8_000);
        assertThat(event(awaitSettlementEvents(auctionId, 2).get(1))).isInstanceOf(PaymentRefunded.class);
    }

    @Test
    void aCrashAfterTheGatewayRefundedThenARestartRecordsItWithoutRefundingAgain() throws Exception {
        SimulatedPaymentGateway gateway = reliableGateway();
        AtomicBoolean crashed = new AtomicBoolean();
        SettlementSteps crashAfterRefund = new SettlementSteps() {
            @Override
            public void afterRefund(RefundRequest refund) {
                if (crashed.compareAndSet(false, true)) {
                    throw new CrashAt.InjectedCrash(null);
                }
            }
        };
        ConfigurableApplicationContext first = startWorker(group, gateway, crashAfterRefund,
                "--gream.settlement.pending.poll-interval=1h");
        String auctionId = settled(6_000);

        post(first, "/actuator/refunds", order(auctionId, "r-crash", "BUYER", 6_000));
        assertThat(crashed).isTrue();
        assertThat(refundState("r-crash")).isEqualTo("PENDING");
        assertThat(gateway.refunded(key(auctionId))).as("the money went back").isEqualTo(6_000);
        stop(first);

        startTimedWorker(gateway, new MutableClock(Instant.now().plusSeconds(60)));
        await().atMost(TIMEOUT).until(() -> "REFUNDED".equals(refundState("r-crash")));

        assertThat(gateway.refundsMade()).as("found by lookup, not refunded again").isEqualTo(1);
        assertThat(gateway.refunded(key(auctionId))).isEqualTo(6_000);
        assertThat(awaitSettlementEvents(auctionId, 2)).hasSize(2);
    }

    @Test
    void aChargeThatLandsAfterItsSaleFailedIsLedgeredRefundedCountedAndPublished() throws Exception {
        SimulatedPaymentGateway gateway = reliableGateway();
        AtomicReference<ConfigurableApplicationContext> context = new AtomicReference<>();
        String auctionId = newAuctionId();
        // Another attempt fails the sale at its deadline while this one's charge is going through.
        SettlementSteps failMeanwhile = new SettlementSteps() {
            @Override
            public void afterCharge(SoldAuction sale) {
                if (sale.auctionId().equals(auctionId)) {
                    context.get().getBean(SettlementStore.class).fail(auctionId, Settler.SETTLEMENT_DEADLINE,
                            "failed meanwhile", Instant.now());
                }
            }
        };
        context.set(startWorker(group, gateway, failMeanwhile));

        publish(sold(auctionId, 15_000));
        List<ConsumerRecord<String, byte[]>> events = awaitSettlementEvents(auctionId, 2);

        assertThat(state(auctionId)).isEqualTo("FAILED");
        SettlementEvent failed = event(events.get(0));
        assertThat(failed).isInstanceOf(SettlementFailed.class);
        PaymentRefunded refunded = (PaymentRefunded) event(events.get(1));
        assertThat(refunded.kind()).isEqualTo("LATE_CHARGE");
        assertThat(refunded.amount()).isEqualTo(15_000);
        assertThat(gateway.chargesTaken(key(auctionId))).isEqualTo(1);
        assertThat(gateway.refunded(key(auctionId))).isEqualTo(15_000);
        assertThat(lines(auctionId + ":late-charge")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "BUYER_PAYMENT", 15_000L, "GATEWAY_CLEARING", -15_000L));
        assertThat(lines(auctionId + ":late-charge-refund")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "BUYER_PAYMENT", -15_000L, "GATEWAY_CLEARING", 15_000L));
        MeterRegistry meters = context.get().getBean(MeterRegistry.class);
        assertThat(meters.get("gream.settlement.late.charges").counter().count()).isEqualTo(1.0);
        assertThat(meters.get("gream.settlement.refunds").tag("kind", "LATE_CHARGE").tag("outcome", "refunded")
                .counter().count()).isEqualTo(1.0);
    }

    private String settled(long price) throws Exception {
        String auctionId = newAuctionId();
        publish(sold(auctionId, price));
        awaitSettlementEvents(auctionId, 1);
        return auctionId;
    }

    private static String order(String auctionId, String refundId, String kind, long amount) {
        return """
                {"auctionId":"%s","refundId":"%s","kind":"%s","amount":%d,"reason":"voucher not delivered"}
                """.formatted(auctionId, refundId, kind, amount);
    }

    /** The journal's lines, by entry type. */
    private static Map<String, Long> lines(String journalId) {
        Map<String, Long> lines = new java.util.HashMap<>();
        new JdbcTemplate(db()).query("SELECT entry_type, amount FROM ledger_line WHERE journal_id = ?",
                row -> {
                    lines.put(row.getString(1), row.getLong(2));
                }, journalId);
        return lines;
    }

    private static String refundState(String refundId) {
        return new JdbcTemplate(db()).queryForList("SELECT state FROM refund WHERE refund_id = ?", String.class,
                refundId).stream().findFirst().orElse(null);
    }

    /** Sums per entry type over a sale's journal and the journals that reverse it. */
    private static final class LedgerInvariantsFor {

        static Map<String, Long> sale(String auctionId) {
            Map<String, Long> sums = new java.util.HashMap<>();
            new JdbcTemplate(db()).query("""
                    SELECT entry_type, SUM(amount) FROM ledger_line WHERE journal_id = ? OR reverses_journal_id = ?
                    GROUP BY entry_type
                    """, row -> {
                sums.put(row.getString(1), row.getLong(2));
            }, auctionId, auctionId);
            return sums;
        }
    }
}
