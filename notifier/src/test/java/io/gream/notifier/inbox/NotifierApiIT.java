package io.gream.notifier.inbox;

import io.gream.notifier.testing.Events;
import io.gream.notifier.testing.Http;
import io.gream.notifier.testing.RunningNotifier;
import io.gream.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public API with production settings (no local profile): inbox paging and read marks, webhook registration
 * with the server-side request forgery guard, and token checks, all as problem+json where they fail.
 */
class NotifierApiIT extends RunningNotifier {

    @BeforeAll
    static void startNotifier() {
        start("--gream.notifier.cors.allowed-origins=https://market.example");
    }

    @Test
    void aListedWebOriginMayReadTheInboxWithATokenAndNoOtherOriginMay() throws Exception {
        HttpResponse<String> listed = preflight("/api/notifications/stream", "https://market.example");
        HttpResponse<String> other = preflight("/api/notifications/stream", "https://evil.example");
        HttpResponse<String> webhooks = preflight("/api/webhooks", "https://market.example");
        HttpResponse<String> read = HttpClient.newHttpClient().send(
                http.request("/api/notifications", "api-cora").header("Origin", "https://market.example").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://market.example");
        assertThat(listed.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("authorization", "last-event-id");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(webhooks.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://market.example");
    }

    private static HttpResponse<String> preflight(String path, String origin) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(http.base() + path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization,last-event-id")
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void inboxIsPagedNewestFirstAndOnlyTheOwnerMarksANotificationRead() {
        String user = "api-ivy";
        for (int i = 0; i < 3; i++) {
            publish(Events.bid("api-1", 3 + i, "api-x" + i, 1_100 + 100L * i, user, 1_000L + 100 * i));
        }
        awaitAllConsumed();

        Http.Response first = http.get("/api/notifications?page=0&size=2", user);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("total").asLong()).isEqualTo(3);
        assertThat(first.json().path("unread").asLong()).isEqualTo(3);
        var ids = StreamSupport.stream(first.json().path("notifications").spliterator(), false)
                .map(n -> n.path("id").asLong()).toList();
        assertThat(ids).hasSize(2).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        Http.Response second = http.get("/api/notifications?page=1&size=2", user);
        assertThat(second.json().path("notifications")).hasSize(1);
        assertThat(second.json().path("notifications").get(0).path("amount").asLong()).isEqualTo(1_100);

        Http.Response someoneElse = http.post("/api/notifications/" + ids.get(0) + "/read", "api-mallory", null);
        assertThat(someoneElse.status()).isEqualTo(404);
        assertThat(someoneElse.code()).isEqualTo("NOTIFICATION_NOT_FOUND");
        assertThat(someoneElse.contentType()).startsWith("application/problem+json");

        Http.Response read = http.post("/api/notifications/" + ids.get(0) + "/read", user, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("readAt").isMissingNode()).isFalse();
        assertThat(http.post("/api/notifications/" + ids.get(0) + "/read", user, null).status()).isEqualTo(200);
        assertThat(http.get("/api/notifications", user).json().path("unread").asLong()).isEqualTo(2);
    }

    @Test
    void badPagingIs400ProblemJson() {
        Http.Response tooBig = http.get("/api/notifications?size=101", "api-ivy");
        Http.Response notANumber = http.get("/api/notifications?page=x", "api-ivy");

        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.code()).isEqualTo("WRONG_TYPE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/hook", "https://localhost/hook", "https://10.0.0.7/hook",
            "https://192.168.0.1/hook", "https://169.254.169.254/latest/meta-data/", "https://[::1]/hook",
            "https://[fd00::1]/hook", "https://0.0.0.0/hook", "http://93.184.215.14/hook"})
    void webhookUrlsIntoPrivateNetworksOrWithoutTlsAreRefusedAndNothingIsStored(String url) {
        // a user per URL: the cases run within a second, more than one user's rate limit allows
        String user = "api-eve-" + Integer.toHexString(url.hashCode());
        Http.Response response = http.post("/api/webhooks", user, "{\"url\":\"" + url + "\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("WEBHOOK_URL_NOT_ALLOWED");
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/webhooks", user).json().path("webhooks")).isEmpty();
    }

    @Test
    void registeredWebhookShowsItsSecretOnceAndOnlyItsOwnerDeletesIt() {
        Http.Response created = http.post("/api/webhooks", "api-paul", "{\"url\":\"https://93.184.215.14/gream\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/webhooks/" + id);
        assertThat(created.json().path("secret").asString()).startsWith("whsec_").hasSizeGreaterThan(40);

        var listed = http.get("/api/webhooks", "api-paul").json().path("webhooks");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("secret").isMissingNode()).isTrue();
        assertThat(http.get("/api/webhooks", "api-quinn").json().path("webhooks")).isEmpty();

        assertThat(http.delete("/api/webhooks/" + id, "api-quinn").status()).isEqualTo(404);
        assertThat(http.delete("/api/webhooks/" + id, "api-paul").status()).isEqualTo(204);
        assertThat(http.delete("/api/webhooks/" + id, "api-paul").status()).isEqualTo(404);
    }

    @Test
    void registrationWithoutAUrlWithUnreadableJsonOrUnknownPropertiesIs400AndStoresNothing() {
        assertThat(http.post("/api/webhooks", "api-paul", "{}").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(http.post("/api/webhooks", "api-paul", "{\"url\":").code()).isEqualTo("MALFORMED_JSON");
        Http.Response unknown = http.post("/api/webhooks", "api-paul",
                "{\"url\":\"https://93.184.215.14/x\",\"ownerId\":\"api-quinn\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(http.get("/api/webhooks", "api-paul").json().path("webhooks")).isEmpty();
    }

    @Test
    void requestsWithoutAValidTokenAre401WithTheBearerChallenge() {
        Http.Response none = http.get("/api/notifications", null);
        Http.Response forged = send(http.request("/api/notifications", null)
                .header("Authorization", "Bearer not.a.jwt").GET().build());

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.code()).isEqualTo("UNAUTHORIZED");
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(none.raw().headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"gream\"");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.raw().headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer realm=\"gream\", error=\"invalid_token\"");
    }

    @Test
    void tokensForTheIngressOrTheNotifierAudienceAreAcceptedOthersNot() {
        assertThat(send(http.request("/api/notifications", null).header("Authorization",
                "Bearer " + Tokens.forAudience("api-ray", "gream-notifier")).GET().build()).status()).isEqualTo(200);
        assertThat(send(http.request("/api/notifications", null).header("Authorization",
                "Bearer " + Tokens.forAudience("api-ray", "gream-admin")).GET().build()).status()).isEqualTo(401);
    }

    @Test
    void healthAndPrometheusAreExposed() {
        assertThat(http.get("/actuator/health", null).body()).contains("\"status\":\"UP\"");
        Http.Response metrics = http.get("/actuator/prometheus", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("gream_notifier_notifications_total");
    }

    private static Http.Response send(HttpRequest request) {
        try {
            var response = http.client().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Http.Response(response.statusCode(), response.body(), response);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
