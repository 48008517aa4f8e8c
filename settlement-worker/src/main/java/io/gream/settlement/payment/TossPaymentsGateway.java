package io.gream.settlement.payment;

import io.gream.contracts.GreamJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Toss Payments automatic billing ("자동결제"): charges a buyer's stored card with its billing key.
 *
 * <ul>
 *   <li>Charge: {@code POST /v1/billing/{billingKey}} with {@code customerKey, amount, orderId, orderName}, HTTP
 *       Basic with the secret key as user name and an empty password, and {@code Idempotency-Key}; Toss answers a
 *       repeated key with the first response and takes no money again. The order id is the idempotency key too.</li>
 *   <li>Lookup: {@code GET /v1/payments/orders/{orderId}}; {@code 404} means Toss has no such payment.</li>
 *   <li>Refund: {@code POST /v1/payments/{paymentKey}/cancel}, its own {@code Idempotency-Key}; looked up among the
 *       payment's {@code cancels} by its reason, which carries the refund id.</li>
 * </ul>
 *
 * <p>What an error means for the money decides what the worker may do next: a connection that never opened or a
 * {@code 429} processed nothing ({@link GatewayUnavailableException}, retried); a timeout after sending, a
 * {@code 409} (the same key still in progress) or any {@code 5xx}, {@code 503} included, may have charged
 * ({@link ChargeOutcomeUnknownException}, looked up: Toss' {@code 503}s include failures inside the card network
 * after the card was charged); any other {@code 4xx} is a refusal
 * ({@link PaymentResult.Declined}). Billing charges are in KRW only.
 */
public final class TossPaymentsGateway implements PaymentGateway {

    private static final Logger log = LoggerFactory.getLogger(TossPaymentsGateway.class);

    /**
     * @param baseUrl     {@code https://api.tosspayments.com} in production
     * @param secretKey   the merchant's secret key ({@code test_sk_...} / {@code live_sk_...})
     * @param readTimeout how long to wait for an answer; keep below the worker's time limit
     */
    public record Settings(URI baseUrl, String secretKey, Duration connectTimeout, Duration readTimeout) {

        public Settings {
            if (secretKey == null || secretKey.isBlank()) {
                throw new IllegalArgumentException("the Toss gateway needs a secret key (GREAM_TOSS_SECRET_KEY)");
            }
        }
    }

    private final Settings settings;
    private final BillingKeys billingKeys;
    private final HttpClient http;
    private final String authorization;

    public TossPaymentsGateway(Settings settings, BillingKeys billingKeys) {
        this.settings = settings;
        this.billingKeys = billingKeys;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .build();
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((settings.secretKey() + ":").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public PaymentResult charge(ChargeRequest request) {
        if (!"KRW".equals(request.currency())) {
            return new PaymentResult.Declined("UNSUPPORTED_CURRENCY", "Toss billing charges are in KRW only");
        }
        Optional<BillingKeys.BillingKey> billingKey = billingKeys.find(request.customerId());
        if (billingKey.isEmpty()) {
            return new PaymentResult.Declined("NO_BILLING_KEY",
                    "buyer " + request.customerId() + " has no card registered for automatic payments");
        }
        ObjectNode body = GreamJson.mapper().createObjectNode()
                .put("customerKey", billingKey.get().customerKey())
                .put("amount", request.amount())
                .put("orderId", request.idempotencyKey())
                .put("orderName", request.orderName());
        HttpResponse<String> response = post("/v1/billing/" + encode(billingKey.get().billingKey()), body,
                request.idempotencyKey(), "the charge " + request.idempotencyKey());
        int status = response.statusCode();
        if (status == 200) {
            return paymentOf(response.body(), request);
        }
        JsonNode error = json(response.body());
        String code = error.path("code").asString("HTTP_" + status);
        String message = error.path("message").asString("");
        if (status == 429) {
            throw new GatewayUnavailableException("Toss refused the charge for now: " + status + " " + code);
        }
        if (status == 409 || status >= 500) {
            throw new ChargeOutcomeUnknownException("Toss answered " + status + " " + code + " " + message, null);
        }
        log.info("Toss declined the charge of auction {}: {} {} ({})", request.auctionId(), status, code, message);
        return new PaymentResult.Declined(code, message);
    }

    @Override
    public Optional<PaymentResult> lookup(ChargeRequest request) {
        HttpRequest get = HttpRequest.newBuilder(uri("/v1/payments/orders/" + encode(request.idempotencyKey())))
                .timeout(settings.readTimeout())
                .header("Authorization", authorization)
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(get, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new GatewayUnavailableException("Toss lookup failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayUnavailableException("interrupted while looking up " + request.idempotencyKey(), e);
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new GatewayUnavailableException("Toss lookup answered " + response.statusCode());
        }
        return Optional.of(paymentOf(response.body(), request));
    }

    /**
     * Toss' payment cancel, {@code POST /v1/payments/{paymentKey}/cancel} with {@code cancelReason} and
     * {@code cancelAmount} (a partial cancel when below what is left) and the refund's {@code Idempotency-Key}.
     */
    @Override
    public RefundResult refund(RefundRequest request) {
        ObjectNode body = GreamJson.mapper().createObjectNode()
                .put("cancelReason", request.reason())
                .put("cancelAmount", request.amount());
        HttpResponse<String> response = post("/v1/payments/" + encode(request.paymentKey()) + "/cancel", body,
                request.idempotencyKey(), "the refund " + request.refundId());
        int status = response.statusCode();
        if (status == 200) {
            return cancelIn(json(response.body()), request)
                    .orElseThrow(() -> new ChargeOutcomeUnknownException("Toss answered the cancel of "
                            + request.refundId() + " without it", null));
        }
        JsonNode error = json(response.body());
        String code = error.path("code").asString("HTTP_" + status);
        if (status == 429) {
            throw new GatewayUnavailableException("Toss refused the refund for now: " + status + " " + code);
        }
        if (status == 409 || status >= 500) {
            throw new ChargeOutcomeUnknownException("Toss answered " + status + " " + code + " to a refund", null);
        }
        return new RefundResult.Refused(code, error.path("message").asString(""));
    }

    /** The payment's cancels, {@code GET /v1/payments/{paymentKey}}: ours is the one with our reason. */
    @Override
    public Optional<RefundResult> lookupRefund(RefundRequest request) {
        HttpRequest get = HttpRequest.newBuilder(uri("/v1/payments/" + encode(request.paymentKey())))
                .timeout(settings.readTimeout())
                .header("Authorization", authorization)
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(get, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new GatewayUnavailableException("Toss lookup failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayUnavailableException("interrupted while looking up " + request.refundId(), e);
        }
        if (response.statusCode() != 200) {
            throw new GatewayUnavailableException("Toss lookup answered " + response.statusCode());
        }
        return cancelIn(json(response.body()), request);
    }

    private static Optional<RefundResult> cancelIn(JsonNode payment, RefundRequest request) {
        for (JsonNode cancel : payment.path("cancels")) {
            if (request.reason().equals(cancel.path("cancelReason").asString(""))
                    && cancel.path("cancelAmount").asLong(-1) == request.amount()) {
                return Optional.of(new RefundResult.Refunded(cancel.path("transactionKey").asString("")));
            }
        }
        return Optional.empty();
    }

    /**
     * A Toss {@code Payment} object: {@code DONE} is a charge; aborted, expired or cancelled holds no money; anything
     * else (in progress, partially cancelled) is not settled yet and is asked again later.
     */
    private PaymentResult paymentOf(String body, ChargeRequest request) {
        JsonNode payment = json(body);
        String status = payment.path("status").asString("");
        String paymentKey = payment.path("paymentKey").asString("");
        switch (status) {
            case "DONE", "PARTIAL_CANCELED" -> {
                long amount = payment.path("totalAmount").asLong(-1);
                if (amount != request.amount()) {
                    // Never silently settle a different amount than the auction's price.
                    throw new IllegalStateException("Toss payment " + paymentKey + " is for " + amount
                            + ", auction " + request.auctionId() + " sold for " + request.amount());
                }
                return new PaymentResult.Charged(paymentKey);
            }
            case "ABORTED", "EXPIRED", "CANCELED" -> {
                return new PaymentResult.Declined(status, "Toss payment " + status.toLowerCase());
            }
            default -> throw new ChargeOutcomeUnknownException("Toss payment " + paymentKey + " is " + status, null);
        }
    }

    private static JsonNode json(String body) {
        try {
            return GreamJson.mapper().readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (JacksonException e) {
            return GreamJson.mapper().createObjectNode();
        }
    }

    private URI uri(String path) {
        String base = settings.baseUrl().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * POSTs {@code body} with its {@code Idempotency-Key}. Not connected: nothing was done
     * ({@link GatewayUnavailableException}); no answer after sending: {@link ChargeOutcomeUnknownException}, to be
     * looked up.
     */
    private HttpResponse<String> post(String path, ObjectNode body, String idempotencyKey, String what) {
        HttpRequest post = HttpRequest.newBuilder(uri(path))
                .timeout(settings.readTimeout())
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try {
            return http.send(post, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new GatewayUnavailableException("Toss not reachable: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ChargeOutcomeUnknownException("no answer from Toss to " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChargeOutcomeUnknownException("interrupted while sending " + what, e);
        }
    }
}
