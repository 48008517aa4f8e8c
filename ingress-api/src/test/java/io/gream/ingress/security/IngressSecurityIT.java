package io.gream.ingress.security;

import io.gream.contracts.BidAccepted;
import io.gream.ingress.command.CommandIds;
import io.gream.ingress.testing.Api;
import io.gream.ingress.testing.EnginePosition;
import io.gream.ingress.testing.SharedIngressContext;
import io.gream.testing.Tokens;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attacks the ingress refuses, each answered as a problem document and writing nothing to Kafka. Forged tokens
 * in every variant are in {@code AuthenticationIT}; request bodies in {@code RequestHardeningIT}; the start-up
 * refusals (a signing key outside the local profile, development tokens next to a production key source) in
 * {@code DevTokenStartupTest}.
 */
class IngressSecurityIT extends SharedIngressContext {

    @LocalServerPort
    private int port;

    @Nested
    class RequestsTheServletContainerRefusesBeforeTheApi {

        @Test
        void anIdempotencyKeyOfTenThousandCharacters() throws IOException {
            String auctionId = fresh("sec");
            String bob = fresh("bob");
            String body = "{\"amount\":1500}";

            RawHttp.Answer answer = RawHttp.send(port, "POST /api/auctions/" + auctionId + "/bids HTTP/1.1\r\n"
                    + "Host: localhost\r\nAuthorization: Bearer " + Tokens.valid(bob) + "\r\n"
                    + "Idempotency-Key: " + "k".repeat(10_000) + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);

            assertProblem(answer, 400);
            // a later, valid bid is the first record of this auction: the refused one wrote nothing
            api.post("/api/auctions/" + auctionId + "/bids").as(bob).header("Idempotency-Key", "k1")
                    .header("Prefer", "wait=0").json(body).send();
            assertThat(commands.recordsUpTo(auctionId, CommandIds.commandId("PlaceBid", bob, auctionId, "k1")))
                    .hasSize(1);
        }

        @Test
        void aBearerTokenOfAHundredKilobytes() throws IOException {
            assertProblem(RawHttp.send(port, "GET /api/notifications HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + "x".repeat(100_000) + "\r\nConnection: close\r\n\r\n"), 400);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"/api/auctions/a%2Fb", "/api/auctions/a%2Fb/commands/c-1", "/api/auctions/a%5Cb",
                "/api/auctions/a%00b", "/api/auctions/a|b"})
        void aPathWithAnEncodedSlashOrAControlCharacter(String path) throws IOException {
            assertProblem(RawHttp.send(port, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                    400);
        }
    }

    @Nested
    class TokensThatOnlyAServiceHoldingASigningKeyWouldAccept {

        @Test
        void oneSignedWithASharedHmacKey() {
            assertThat(bidWith(Tokens.signedWithAnHmacKey(fresh("bob"))).status()).isEqualTo(401);
        }

        @Test
        void oneNamingAKeyTheIdentityProviderDoesNotPublish() {
            assertThat(bidWith(Tokens.with(fresh("bob"), b -> b.header().keyId("attacker-key").and())).status())
                    .isEqualTo(401);
        }

        @Test
        void oneMeantToLiveLongerThanAnHour() {
            assertThat(bidWith(Tokens.with(fresh("bob"),
                    b -> b.expiration(Date.from(Instant.now().plus(Duration.ofDays(30)))))).status()).isEqualTo(401);
        }

        private Api.Response bidWith(String token) {
            return api.post("/api/auctions/" + fresh("sec") + "/bids").token(token).header("Idempotency-Key", "k1")
                    .header("Prefer", "wait=0").json("{\"amount\":1500}").send();
        }
    }

    @Nested
    class CommandIdsThatAreNotTheCallers {

        @Test
        void anotherUsersCommandIdReadsAsNeverWritten() {
            String auctionId = fresh("sec");
            String bob = fresh("bob");
            String commandId = CommandIds.commandId("PlaceBid", bob, auctionId, "k1");
            decisions.append(new BidAccepted(auctionId + ":2", auctionId, 2, Instant.parse("2030-01-01T00:00:00Z"),
                    commandId, bob, 1_500, null, null, 1, 1_600));
            EnginePosition.caughtUp();

            Api.Response bobs = api.get("/api/auctions/" + auctionId + "/bids/" + commandId).as(fresh("eve")).send();
            Api.Response guessed = api.get("/api/auctions/" + auctionId + "/bids/" + UUID.randomUUID())
                    .as(fresh("eve")).send();

            assertThat(bobs.status()).isEqualTo(404);
            assertThat(guessed.status()).isEqualTo(404);
            assertThat(bobs.body()).doesNotContain("BidAccepted", bob);
            assertThat(bobs.code()).isEqualTo(guessed.code()).isEqualTo("COMMAND_NOT_FOUND");
        }
    }

    @Nested
    class OperationsEndpointsThatWouldTellTooMuch {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"/actuator/env", "/actuator/configprops", "/actuator/beans", "/actuator/metrics",
                "/actuator/heapdump", "/actuator/mappings"})
        void areNotExposed(String path) {
            Api.Response answer = api.get(path).send();

            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        }

        @Test
        void healthShowsNoDetails() {
            assertThat(api.get("/actuator/health").send().body()).doesNotContain("components", "kafka", "diskSpace");
        }
    }

    private static void assertProblem(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.header("content-type")).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"status\":" + status).contains("\"code\":")
                .doesNotContain("<html", "Apache Tomcat");
    }
}
