package io.gream.notifier.web;

import io.gream.notifier.testing.Http;
import io.gream.notifier.testing.RunningNotifier;
import io.gream.notifier.testing.SseClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notifier's rate limits without Redis, as {@code ./gream-local} runs it: this context allows three requests per
 * user and two without a token per client address per minute, in its own memory.
 */
class RateLimitIT extends RunningNotifier {

    private static final String HOOK = "{\"url\":\"https://93.184.215.14/hook\"}";

    @BeforeAll
    static void startNotifier() {
        start("--gream.notifier.rate-limit.requests-per-period=3",
                "--gream.notifier.rate-limit.anonymous-requests-per-period=2",
                "--gream.notifier.rate-limit.period=1m");
    }

    @Test
    void aUserOverTheLimitGets429ProblemWithRetryAfterAndOthersCarryOn() {
        double limitedBefore = limitedCount();
        String webhookId = http.post("/api/webhooks", "rl-alice", HOOK).json().path("id").asString();
        assertThat(http.post("/api/webhooks/" + webhookId + "/rotate-secret", "rl-alice", null).status())
                .isEqualTo(200);
        assertThat(http.get("/api/notifications", "rl-alice").status()).isEqualTo(200);

        Http.Response limited = http.post("/api/webhooks", "rl-alice", HOOK);
        Http.Response other = http.get("/api/notifications", "rl-bob");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.code()).isEqualTo("RATE_LIMITED");
        assertThat(Integer.parseInt(limited.raw().headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1, 60);
        assertThat(other.status()).isEqualTo(200);
        // the refused registration wrote nothing
        assertThat(count("SELECT COUNT(*) FROM webhook WHERE owner_id = ?", "rl-alice")).isEqualTo(1);
        assertThat(limitedCount()).isEqualTo(limitedBefore + 1);
    }

    @Test
    void everyEndpointChargesTheSameAllowanceOfItsUser() throws Exception {
        String user = "rl-carol";
        String webhookId = http.post("/api/webhooks", user, HOOK).json().path("id").asString();
        String secret = secretOf(webhookId);
        assertThat(http.get("/api/webhooks", user).status()).isEqualTo(200);
        assertThat(http.get("/api/notifications?size=5", user).status()).isEqualTo(200);

        assertThat(http.get("/api/notifications", user).status()).isEqualTo(429);
        assertThat(http.post("/api/notifications/1/read", user, null).status()).isEqualTo(429);
        assertThat(http.post("/api/webhooks", user, HOOK).status()).isEqualTo(429);
        assertThat(http.post("/api/webhooks/" + webhookId + "/rotate-secret", user, null).status()).isEqualTo(429);
        assertThat(http.get("/api/webhooks", user).status()).isEqualTo(429);
        assertThat(http.delete("/api/webhooks/" + webhookId, user).status()).isEqualTo(429);
        try (SseClient stream = SseClient.open(http.client(), http.request("/api/notifications/stream", user))) {
            assertThat(stream.status()).isEqualTo(429);
            assertThat(stream.contentType()).startsWith("application/problem+json");
        }
        // nothing refused took effect: the webhook is still there, with its first secret
        assertThat(secretOf(webhookId)).isEqualTo(secret);
        assertThat(count("SELECT COUNT(*) FROM webhook WHERE owner_id = ?", user)).isEqualTo(1);
    }

    @Test
    void requestsWithoutATokenAreChargedToTheirClientAddress() {
        assertThat(http.get("/api/no-such-endpoint", null).status()).isEqualTo(404);
        assertThat(http.get("/api/no-such-endpoint", null).status()).isEqualTo(404);

        Http.Response limited = http.get("/api/no-such-endpoint", null);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("RATE_LIMITED");
        assertThat(limited.raw().headers().firstValue("Retry-After")).isPresent();
        // a request with a token is charged to its user, not to the address
        assertThat(http.get("/api/notifications", "rl-dora").status()).isEqualTo(200);
        // one without a token to an endpoint that needs one is refused for the missing token first
        assertThat(http.get("/api/notifications", null).status()).isEqualTo(401);
    }

    private static double limitedCount() {
        return app.getBean(MeterRegistry.class).counter("gream.notifier.rate.limited").count();
    }

    private static String secretOf(String webhookId) {
        return jdbc.queryForObject("SELECT secret FROM webhook WHERE id = ?", String.class, webhookId);
    }
}
