package io.gream.notifier;

import io.gream.notifier.testing.Http;
import io.gream.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attacks the notifier's public API refuses, against the application as {@code main} starts it (verifying
 * tokens with the identity provider's public keys only; no broker needed for these answers). Webhook destinations
 * are in {@code DestinationGuardTest}, start-up refusals in {@code NotifierStartupTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotifierSecurityIT {

    private ConfigurableApplicationContext app;
    private Http http;
    private int port;

    @BeforeAll
    void start() throws IOException {
        Path dataDir = Files.createTempDirectory("gream-notifier-security");
        app = NotifierApplication.builder().run(
                "--server.port=0", "--spring.main.banner-mode=off",
                "--spring.kafka.bootstrap-servers=127.0.0.1:1",
                "--gream.data-dir=" + dataDir,
                "--gream.auth.jwks.file=" + Tokens.jwksFile());
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
        http = new Http(port);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aValidTokenIsServed() {
        assertThat(http.get("/api/notifications", "sec-alice").status()).isEqualTo(200);
    }

    @Nested
    class TokensRefusedWith401 {

        @Test
        void none() {
            assertUnauthorized(http.get("/api/notifications", null));
        }

        @Test
        void signedWithASharedHmacKey() {
            assertUnauthorized(bearer(Tokens.signedWithAnHmacKey("sec-alice")));
        }

        @Test
        void namingAKeyTheIdentityProviderDoesNotPublish() {
            assertUnauthorized(bearer(Tokens.with("sec-alice", b -> b.header().keyId("attacker-key").and())));
        }

        @Test
        void meantToLiveAMonth() {
            assertUnauthorized(bearer(Tokens.with("sec-alice",
                    b -> b.expiration(Date.from(Instant.now().plus(Duration.ofDays(30)))))));
        }

        @Test
        void forAnotherAudience() {
            assertUnauthorized(bearer(Tokens.forAudience("sec-alice", "gream-admin")));
        }

        private Http.Response bearer(String token) {
            return sendGet(http.request("/api/notifications", null).header("Authorization", "Bearer " + token));
        }

        private void assertUnauthorized(Http.Response response) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Nested
    class WebhookRequestsRefused {

        @Test
        void anEndpointOnANonStandardPort() {
            Http.Response refused = http.post("/api/webhooks", "sec-pat",
                    "{\"url\":\"https://93.184.215.14:6379/hook\"}");

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.code()).isEqualTo("WEBHOOK_URL_NOT_ALLOWED");
            assertThat(http.get("/api/webhooks", "sec-pat").json().path("webhooks")).isEmpty();
        }

        @Test
        void rotatingTheSecretOfAnotherUsersWebhook() {
            String webhookId = http.post("/api/webhooks", "sec-owen", "{\"url\":\"https://93.184.215.14/hook\"}")
                    .json().path("id").asString();

            Http.Response refused = http.post("/api/webhooks/" + webhookId + "/rotate-secret", "sec-mallory", null);

            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.code()).isEqualTo("WEBHOOK_NOT_FOUND");
            assertThat(refused.body()).doesNotContain("whsec_");
            assertThat(http.get("/api/webhooks", "sec-owen").json().path("webhooks").get(0)
                    .has("previousSecretExpiresAt")).isFalse();
        }
    }

    @Nested
    class RequestsTheServletContainerRefusesBeforeTheApi {

        @Test
        void aBearerTokenOfAHundredKilobytes() throws IOException {
            assertProblem(raw("GET /api/notifications HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + "x".repeat(100_000) + "\r\nConnection: close\r\n\r\n"));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"/api/webhooks/a%2Fb", "/api/notifications/a%5Cb/read", "/api/notifications/a%00b"})
        void aPathWithAnEncodedSlashOrAControlCharacter(String path) throws IOException {
            assertProblem(raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        }

        private void assertProblem(String answer) {
            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer.toLowerCase()).contains("content-type: application/problem+json");
            assertThat(answer).contains("\"code\":\"BAD_REQUEST\"").doesNotContain("<html");
        }
    }

    private Http.Response sendGet(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.client().send(request.GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Http.Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(all);
            } catch (IOException connectionReset) {
                // closed after answering while the rest of an oversized request was unread
            }
            return all.toString(StandardCharsets.UTF_8);
        }
    }
}
