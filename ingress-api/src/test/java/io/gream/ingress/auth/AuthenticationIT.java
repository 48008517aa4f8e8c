package io.gream.ingress.auth;

import io.gream.ingress.command.CommandIds;
import io.gream.ingress.testing.Api;
import io.gream.ingress.testing.SharedIngressContext;
import io.gream.testing.Tokens;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Only a token signed with our key, unexpired, for our issuer and audience, names the acting user. Every forgery
 * is {@code 401} with a {@code WWW-Authenticate: Bearer} challenge, and writes nothing to Kafka.
 */
class AuthenticationIT extends SharedIngressContext {

    private static final String BOB = "bob-auth";

    static Stream<Arguments> forgedTokens() {
        Instant past = Instant.now().minus(Duration.ofMinutes(10));
        return Stream.of(
                arguments(Named.of("alg=none", Tokens.unsigned(BOB))),
                arguments(Named.of("signed with another key", Tokens.signedWithAnotherKey(BOB))),
                arguments(Named.of("signed with a shared HMAC key", Tokens.signedWithAnHmacKey(BOB))),
                arguments(Named.of("naming a key the identity provider does not have", Tokens.with(BOB,
                        b -> b.header().keyId("made-up-kid").and()))),
                arguments(Named.of("meant to live a week", Tokens.with(BOB,
                        b -> b.expiration(Date.from(Instant.now().plus(Duration.ofDays(7))))))),
                arguments(Named.of("payload changed after signing", Tokens.tampered(BOB, "mallory"))),
                arguments(Named.of("expired (beyond the clock skew)", Tokens.with(BOB,
                        b -> b.issuedAt(Date.from(past.minusSeconds(60))).expiration(Date.from(past))))),
                arguments(Named.of("no exp", Tokens.with(BOB, b -> b.expiration(null)))),
                arguments(Named.of("wrong iss", Tokens.with(BOB, b -> b.issuer("someone-else")))),
                arguments(Named.of("no iss", Tokens.with(BOB, b -> b.issuer(null)))),
                arguments(Named.of("wrong aud", Tokens.with(BOB,
                        b -> b.audience().single("another-service")))),
                arguments(Named.of("no sub", Tokens.with(BOB, b -> b.subject(null)))),
                arguments(Named.of("sub that is not a user id", Tokens.with(BOB, b -> b.subject("bob\nadmin")))),
                arguments(Named.of("not yet valid (nbf)", Tokens.with(BOB,
                        b -> b.notBefore(Date.from(Instant.now().plus(Duration.ofHours(1))))))),
                arguments(Named.of("not a JWT", "not.a.jwt")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedTokens")
    void forgedTokenIs401InvalidTokenAndWritesNothing(String token) {
        String auctionId = fresh("a");

        Api.Response response = bid(auctionId).token(token).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("UNAUTHORIZED");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer realm=\"gream\", error=\"invalid_token\"");
        assertNothingWrittenFor(auctionId);
    }

    @Test
    void missingTokenIs401WithTheBareChallenge() {
        String auctionId = fresh("a");

        Api.Response response = bid(auctionId).send();

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("UNAUTHORIZED");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"gream\"");
        assertNothingWrittenFor(auctionId);
    }

    @Test
    void otherAuthenticationSchemesAre401() {
        Api.Response basic = bid(fresh("a")).header("Authorization", "Basic Ym9iOnNlY3JldA==").send();
        Api.Response emptyBearer = bid(fresh("a")).header("Authorization", "Bearer ").send();

        assertThat(basic.status()).isEqualTo(401);
        assertThat(emptyBearer.status()).isEqualTo(401);
    }

    @Test
    void tokenIsCheckedBeforeTheBody() {
        Api.Response response = api.post("/api/auctions/" + fresh("a") + "/bids").json("{not json")
                .header("Idempotency-Key", "k1").send();

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void validTokenNamesTheActingUser() {
        String auctionId = fresh("a");
        String commandId = CommandIds.commandId("PlaceBid", BOB, auctionId, "k1");

        Api.Response response = bid(auctionId).token(Tokens.valid(BOB)).send();

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().path("commandId").asString()).isEqualTo(commandId);
    }

    @Test
    void developmentTokensDoNotExistOutsideTheLocalProfile() {
        Api.Response response = api.post("/api/dev/tokens").json("{\"userId\":\"alice\"}").send();

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("NOT_FOUND");
    }

    private Api.Call bid(String auctionId) {
        return api.post("/api/auctions/" + auctionId + "/bids").header("Idempotency-Key", "k1")
                .header("Prefer", "wait=0").json("{\"amount\":1500}");
    }

    private void assertNothingWrittenFor(String auctionId) {
        String marker = CommandIds.commandId("PlaceBid", BOB, auctionId, "marker");
        api.post("/api/auctions/" + auctionId + "/bids").as(BOB).header("Idempotency-Key", "marker")
                .header("Prefer", "wait=0").json("{\"amount\":1500}").send();
        assertThat(commands.recordsUpTo(auctionId, marker)).hasSize(1);
    }
}
