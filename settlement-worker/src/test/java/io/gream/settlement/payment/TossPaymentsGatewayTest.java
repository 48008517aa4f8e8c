package io.gream.settlement.payment;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gream.contracts.GreamJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Toss adapter against a real HTTP server on a local port that answers like Toss' billing API. */
class TossPaymentsGatewayTest {

    private static final String SECRET = "test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R";
    private static final ChargeRequest CHARGE = new ChargeRequest(IdempotencyKeys.forAuction("a-1"), "a-1",
            "buyer-1", 15_000, "KRW", "Starbucks Americano");

    /** What the stub Toss received. */
    record Received(String method, String path, Map<String, List<String>> headers, String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, String> paymentsByOrderId = new ConcurrentHashMap<>();
    private final Map<String, String> responsesByIdempotencyKey = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile String mode = "approve";
    private HttpServer toss;
    private TossPaymentsGateway gateway;

    @BeforeEach
    void startStubToss() throws IOException {
        toss = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        toss.createContext("/", this::answer);
        toss.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        toss.start();
        // Generous for loopback: the JDK client reports a request timeout that expires while still connecting as a
        // connect timeout (nothing sent), so on a busy machine a short one would turn the hang test into that case.
        gateway = new TossPaymentsGateway(new TossPaymentsGateway.Settings(
                URI.create("http://127.0.0.1:" + toss.getAddress().getPort()), SECRET, Duration.ofSeconds(5),
                Duration.ofSeconds(2)), BillingKeys.of(Map.of("buyer-1", "bk-buyer-1")));
    }

    @AfterEach
    void stopStubToss() {
        release.countDown();
        toss.stop(0);
    }

    @Test
    void chargesTheBillingKeyWithBasicAuthAndTheAuctionsIdempotencyKey() {
        PaymentResult result = gateway.charge(CHARGE);

        assertThat(result).isInstanceOf(PaymentResult.Charged.class);
        Received request = received.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/billing/bk-buyer-1");
        assertThat(request.headers().get("Authorization")).containsExactly("Basic "
                + Base64.getEncoder().encodeToString((SECRET + ":").getBytes(StandardCharsets.UTF_8)));
        assertThat(request.headers().get("Idempotency-key")).containsExactly(CHARGE.idempotencyKey());
        JsonNode body = GreamJson.mapper().readTree(request.body());
        assertThat(body.path("customerKey").asString()).isEqualTo("buyer-1");
        assertThat(body.path("amount").asLong()).isEqualTo(15_000);
        assertThat(body.path("orderId").asString()).isEqualTo(CHARGE.idempotencyKey());
        assertThat(body.path("orderName").asString()).isEqualTo("Starbucks Americano");
    }

    @Test
    void aRepeatedChargeWithTheSameKeyGetsTheSamePaymentAndNoSecondCharge() {
        PaymentResult first = gateway.charge(CHARGE);
        PaymentResult second = gateway.charge(CHARGE);

        assertThat(second).isEqualTo(first);
        assertThat(paymentsByOrderId).hasSize(1);
    }

    @Test
    void aRefusedCardIsADeclineWithTossCode() {
        mode = "decline";

        PaymentResult result = gateway.charge(CHARGE);

        assertThat(result).isEqualTo(new PaymentResult.Declined("REJECT_CARD_PAYMENT", "한도초과 혹은 잔액부족"));
    }

    @Test
    void aBuyerWithoutABillingKeyIsDeclinedWithoutCallingToss() {
        PaymentResult result = gateway.charge(new ChargeRequest("gream-x", "a-2", "buyer-without-card", 100, "KRW",
                "x"));

        assertThat(result).isInstanceOf(PaymentResult.Declined.class);
        assertThat(((PaymentResult.Declined) result).code()).isEqualTo("NO_BILLING_KEY");
        assertThat(received).isEmpty();
    }

    @Test
    void aRateLimitedChargeProcessedNothingAndIsUnavailable() {
        mode = "rate-limited";

        assertThatThrownBy(() -> gateway.charge(CHARGE)).isInstanceOf(GatewayUnavailableException.class);
        assertThat(paymentsByOrderId).isEmpty();
    }

    @Test
    void a503IsNotTrustedToMeanNothingWasChargedAndTheLookupFindsTheCharge() {
        mode = "charge-then-503";

        assertThatThrownBy(() -> gateway.charge(CHARGE)).isInstanceOf(ChargeOutcomeUnknownException.class);
        Optional<PaymentResult> found = gateway.lookup(CHARGE);

        assertThat(found).get().isInstanceOf(PaymentResult.Charged.class);
        assertThat(paymentsByOrderId).hasSize(1);
    }

    @Test
    void a503WithoutAChargeIsFoundAbsentByTheLookup() {
        mode = "overloaded";

        assertThatThrownBy(() -> gateway.charge(CHARGE)).isInstanceOf(ChargeOutcomeUnknownException.class);

        assertThat(gateway.lookup(CHARGE)).isEmpty();
    }

    @Test
    void aChargeThatTimesOutHasAnUnknownOutcomeThatTheLookupResolves() {
        mode = "charge-then-hang";

        assertThatThrownBy(() -> gateway.charge(CHARGE)).isInstanceOf(ChargeOutcomeUnknownException.class);
        Optional<PaymentResult> found = gateway.lookup(CHARGE);

        assertThat(found).get().isInstanceOf(PaymentResult.Charged.class);
        assertThat(received).extracting(Received::method, Received::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("POST", "/v1/billing/bk-buyer-1"),
                org.assertj.core.groups.Tuple.tuple("GET", "/v1/payments/orders/" + CHARGE.idempotencyKey()));
    }

    @Test
    void aLookupOfAnOrderTossNeverSawIsEmpty() {
        assertThat(gateway.lookup(CHARGE)).isEmpty();
    }

    @Test
    void anUnreachableTossIsUnavailable() {
        toss.stop(0);

        assertThatThrownBy(() -> gateway.charge(CHARGE)).isInstanceOf(GatewayUnavailableException.class);
    }

    @Test
    void aRefundCancelsThePaymentWithItsOwnIdempotencyKeyAndIsFoundAgainByItsReason() {
        PaymentResult.Charged charged = (PaymentResult.Charged) gateway.charge(CHARGE);
        RefundRequest refund = new RefundRequest(IdempotencyKeys.forRefund("r-1"), "r-1", "a-1",
                charged.paymentKey(), 5_000, "KRW", "voucher not delivered [r-1]");

        RefundResult result = gateway.refund(refund);
        RefundResult again = gateway.refund(refund);

        assertThat(result).isInstanceOf(RefundResult.Refunded.class);
        assertThat(again).isEqualTo(result);
        Received cancel = received.stream().filter(r -> r.path().endsWith("/cancel")).findFirst().orElseThrow();
        assertThat(cancel.path()).isEqualTo("/v1/payments/" + charged.paymentKey() + "/cancel");
        assertThat(cancel.headers().get("Idempotency-key")).containsExactly(refund.idempotencyKey());
        JsonNode body = GreamJson.mapper().readTree(cancel.body());
        assertThat(body.path("cancelAmount").asLong()).isEqualTo(5_000);
        assertThat(body.path("cancelReason").asString()).isEqualTo("voucher not delivered [r-1]");
        assertThat(gateway.lookupRefund(refund)).contains(result);
        assertThat(gateway.lookupRefund(new RefundRequest(IdempotencyKeys.forRefund("r-2"), "r-2", "a-1",
                charged.paymentKey(), 5_000, "KRW", "another [r-2]"))).isEmpty();
    }

    @Test
    void aRefundAnsweredWith503HasAnUnknownOutcome() {
        PaymentResult.Charged charged = (PaymentResult.Charged) gateway.charge(CHARGE);
        mode = "overloaded";

        assertThatThrownBy(() -> gateway.refund(new RefundRequest(IdempotencyKeys.forRefund("r-1"), "r-1", "a-1",
                charged.paymentKey(), 100, "KRW", "x [r-1]"))).isInstanceOf(ChargeOutcomeUnknownException.class);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        received.add(new Received(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body));
        if (!("Basic " + Base64.getEncoder().encodeToString((SECRET + ":").getBytes(StandardCharsets.UTF_8)))
                .equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            reply(exchange, 401, "{\"code\":\"UNAUTHORIZED_KEY\",\"message\":\"bad key\"}");
            return;
        }
        if (exchange.getRequestMethod().equals("GET") && path.startsWith("/v1/payments/orders/")) {
            String payment = paymentsByOrderId.get(path.substring("/v1/payments/orders/".length()));
            if (payment == null) {
                reply(exchange, 404, "{\"code\":\"NOT_FOUND_PAYMENT\",\"message\":\"no such payment\"}");
            } else {
                reply(exchange, 200, payment);
            }
            return;
        }
        if (exchange.getRequestMethod().equals("GET") && path.startsWith("/v1/payments/")) {
            String paymentKey = path.substring("/v1/payments/".length());
            String payment = paymentsByOrderId.values().stream()
                    .filter(p -> GreamJson.mapper().readTree(p).path("paymentKey").asString().equals(paymentKey))
                    .findFirst().orElse(null);
            reply(exchange, payment == null ? 404 : 200,
                    payment == null ? "{\"code\":\"NOT_FOUND_PAYMENT\"}" : payment);
            return;
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        String earlier = key == null ? null : responsesByIdempotencyKey.get(key);
        if (earlier != null) {
            reply(exchange, 200, earlier);
            return;
        }
        if (path.endsWith("/cancel") && !mode.equals("overloaded")) {
            String paymentKey = path.substring("/v1/payments/".length(), path.length() - "/cancel".length());
            JsonNode cancel = GreamJson.mapper().readTree(body);
            String orderId = paymentsByOrderId.entrySet().stream()
                    .filter(e -> GreamJson.mapper().readTree(e.getValue()).path("paymentKey").asString()
                            .equals(paymentKey)).map(Map.Entry::getKey).findFirst().orElseThrow();
            ObjectNode payment = (ObjectNode) GreamJson.mapper().readTree(paymentsByOrderId.get(orderId));
            payment.put("status", "PARTIAL_CANCELED");
            payment.withArray("cancels").addObject()
                    .put("transactionKey", "tcancel_" + key.hashCode())
                    .put("cancelReason", cancel.path("cancelReason").asString())
                    .put("cancelAmount", cancel.path("cancelAmount").asLong());
            paymentsByOrderId.put(orderId, payment.toString());
            responsesByIdempotencyKey.put(key, payment.toString());
            reply(exchange, 200, payment.toString());
            return;
        }
        switch (mode) {
            case "decline" -> reply(exchange, 403,
                    "{\"code\":\"REJECT_CARD_PAYMENT\",\"message\":\"한도초과 혹은 잔액부족\"}");
            case "overloaded" -> reply(exchange, 503, "{\"code\":\"FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING\"}");
            case "rate-limited" -> reply(exchange, 429, "{\"code\":\"TOO_MANY_REQUESTS\"}");
            default -> {
                JsonNode charge = GreamJson.mapper().readTree(body);
                String orderId = charge.path("orderId").asString();
                String payment = GreamJson.mapper().createObjectNode()
                        .put("paymentKey", "tgen_" + orderId.hashCode())
                        .put("orderId", orderId)
                        .put("status", "DONE")
                        .put("totalAmount", charge.path("amount").asLong())
                        .toString();
                paymentsByOrderId.put(orderId, payment);
                responsesByIdempotencyKey.put(key, payment);
                if (mode.equals("charge-then-503")) {
                    reply(exchange, 503, "{\"code\":\"FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING\"}");
                    return;
                }
                if (mode.equals("charge-then-hang")) {
                    try {
                        release.await(5, TimeUnit.SECONDS); // charged, but the answer never comes in time
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                reply(exchange, 200, payment);
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } finally {
            exchange.close();
        }
    }
}
