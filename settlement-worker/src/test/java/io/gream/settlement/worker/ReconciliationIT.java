package io.gream.settlement.worker;

import io.gream.contracts.GreamJson;
import io.gream.settlement.MutableClock;
import io.gream.settlement.payment.SimulatedPaymentGateway;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway is told to make each kind of difference (a charge Gream never asked for, a charge it lost, a charge for
 * another amount), and reconciliation finds each, on demand and on its schedule, while the matching charge and refund
 * of an untouched sale are reported as matched.
 */
class ReconciliationIT extends WorkerTestSupport {

    private static final Instant START = Instant.parse("2026-11-20T10:00:01Z");

    @Test
    void findsEveryKindOfDifferenceOnDemandAndOnSchedule() throws Exception {
        SimulatedPaymentGateway gateway = reliableGateway();
        MutableClock clock = new MutableClock(START);
        gateway.useClock(clock);
        ConfigurableApplicationContext worker = startTimedWorker(gateway, clock,
                "--gream.settlement.reconciliation.interval=1h", "--gream.settlement.reconciliation.delay=0s",
                "--gream.settlement.reconciliation.poll-interval=100ms");
        String matched = settled(10_000);
        String lost = settled(20_000);
        String misstated = settled(30_000);
        post(worker, "/actuator/refunds", """
                {"auctionId":"%s","refundId":"r-rec","kind":"BUYER","amount":1000,"reason":"partly used"}
                """.formatted(matched));
        String stray = "stray-" + UUID.randomUUID();
        gateway.forgetCharge(key(lost));
        gateway.misstateCharge(key(misstated), 29_000);
        gateway.chargeOutsideGream(stray, 5_000);

        JsonNode report = GreamJson.mapper().readTree(post(worker, "/actuator/reconciliation",
                "{\"from\":\"2026-11-20T10:00:00Z\",\"to\":\"2026-11-20T11:00:00Z\"}").body());

        assertThat(report.path("matched").asInt()).as("the untouched sale's charge and its refund").isEqualTo(2);
        assertThat(differences(report)).containsExactlyInAnyOrder(
                "NOT_AT_GATEWAY CHARGE " + paymentKey(lost) + " null 20000 " + lost,
                "AMOUNT_MISMATCH CHARGE " + paymentKey(misstated) + " 29000 30000 " + misstated,
                "NOT_LEDGERED CHARGE " + stray + " 5000 null null");

        clock.advance(Duration.ofHours(1));
        MeterRegistry meters = worker.getBean(MeterRegistry.class);
        String windowLock = "reconciliation-" + Instant.parse("2026-11-20T10:00:00Z").getEpochSecond();
        await().atMost(TIMEOUT).until(() -> new JdbcTemplate(db())
                .queryForList("SELECT name FROM shedlock", String.class).contains(windowLock)
                && meters.get("gream.settlement.reconciliation.runs").counter().count() >= 3);
        JsonNode scheduled = GreamJson.mapper().readTree(get(worker, "/actuator/reconciliation"));
        assertThat(scheduled.path("from").asString()).isEqualTo("2026-11-20T10:00:00Z");
        assertThat(differences(scheduled)).hasSize(3);
        assertThat(meters.get("gream.settlement.reconciliation.differences").gauge().value()).isEqualTo(3.0);
    }

    private String settled(long price) throws Exception {
        String auctionId = newAuctionId();
        publish(sold(auctionId, price));
        awaitSettlementEvents(auctionId, 1);
        return auctionId;
    }

    private static String paymentKey(String auctionId) {
        return new JdbcTemplate(db()).queryForObject("SELECT payment_key FROM settlement WHERE auction_id = ?",
                String.class, auctionId);
    }

    private static List<String> differences(JsonNode report) {
        List<String> found = new ArrayList<>();
        for (JsonNode difference : report.path("differences")) {
            found.add(difference.path("kind").asString() + " " + difference.path("type").asString() + " "
                    + difference.path("reference").asString() + " " + text(difference.path("gatewayAmount")) + " "
                    + text(difference.path("ledgerAmount")) + " " + text(difference.path("auctionId")));
        }
        return found;
    }

    private static String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? "null" : node.asString();
    }
}
