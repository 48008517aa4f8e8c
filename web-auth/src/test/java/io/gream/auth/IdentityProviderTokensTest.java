package io.gream.auth;

import com.sun.net.httpserver.HttpServer;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.Keys;
import io.jsonwebtoken.security.PublicJwk;
import io.jsonwebtoken.security.SignatureAlgorithm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tokens signed by an identity provider, verified with the public keys of its JWKS served over real HTTP on a
 * random port (or read from a file): the algorithms accepted, key rotation by {@code kid}, and each token a service
 * holding only public keys must refuse.
 */
class IdentityProviderTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final KeyPair RSA = Jwts.SIG.RS256.keyPair().build();
    private static final KeyPair EC = Jwts.SIG.ES256.keyPair().build();
    private static final KeyPair ED = Jwts.SIG.EdDSA.keyPair().build();
    private static final KeyPair NEXT_EC = Jwts.SIG.ES256.keyPair().build();

    private final MovableClock clock = new MovableClock(NOW);
    private final JwksServer server = new JwksServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Nested
    class Accepts {

        @Test
        void rs256Es256AndEdDsaTokensSignedWithTheKeyTheirKidNames() {
            server.serve(jwk(RSA, "rsa-1"), jwk(EC, "ec-1"), jwk(ED, "ed-1"));
            TokenVerifier verifier = verifier();

            assertThat(verifier.verify(token(RSA.getPrivate(), Jwts.SIG.RS256, "rsa-1", b -> b)).userId())
                    .isEqualTo("alice");
            assertThat(verifier.verify(token(EC.getPrivate(), Jwts.SIG.ES256, "ec-1", b -> b)).userId())
                    .isEqualTo("alice");
            assertThat(verifier.verify(token(ED.getPrivate(), Jwts.SIG.EdDSA, "ed-1", b -> b)).userId())
                    .isEqualTo("alice");
        }

        @Test
        void aKeyTheProviderRotatedInAndStopsAcceptingTheOneItRetired() {
            server.serve(jwk(EC, "ec-1"));
            TokenVerifier verifier = verifier();
            String old = token(EC.getPrivate(), Jwts.SIG.ES256, "ec-1", b -> b);
            assertThat(verifier.verify(old).userId()).isEqualTo("alice");

            server.serve(jwk(NEXT_EC, "ec-2"));
            clock.advance(Duration.ofSeconds(31)); // past min-refresh-interval: an unknown kid fetches the set again

            assertThat(verifier.verify(token(NEXT_EC.getPrivate(), Jwts.SIG.ES256, "ec-2", b -> b)).userId())
                    .isEqualTo("alice");
            assertRefused(verifier, old, "signing key unknown");
        }

        @Test
        void keysFromAFile(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("jwks.json");
            Files.writeString(file, jwks(jwk(EC, "ec-1")));
            TokenVerifier verifier = TokenVerifier.withPublicKeys(
                    new IdentityProviderKeys(settings(null, file), clock).load(), rules(), VerifiedTokens.none());

            assertThat(verifier.verify(token(EC.getPrivate(), Jwts.SIG.ES256, "ec-1", b -> b)).userId())
                    .isEqualTo("alice");
        }

        @Test
        void theKnownKeysWhileTheProviderIsDown() {
            server.serve(jwk(EC, "ec-1"));
            TokenVerifier verifier = verifier();
            server.close();
            clock.advance(Duration.ofMinutes(10)); // past refresh-interval: the fetch fails, the known keys stay

            assertThat(verifier.verify(token(EC.getPrivate(), Jwts.SIG.ES256, "ec-1", b -> b)).userId())
                    .isEqualTo("alice");
        }
    }

    @Nested
    class Refuses {

        @Test
        void aTokenWhoseKidIsUnknownAndFetchesAtMostOncePerIntervalForMadeUpKids() {
            server.serve(jwk(EC, "ec-1"));
            TokenVerifier verifier = verifier();
            int fetchesAtStart = server.fetches();
            clock.advance(Duration.ofSeconds(31));

            for (int i = 0; i < 20; i++) {
                assertRefused(verifier, token(EC.getPrivate(), Jwts.SIG.ES256, "made-up-" + i, b -> b),
                        "signing key unknown");
            }
            assertThat(server.fetches() - fetchesAtStart).isEqualTo(1);
        }

        @Test
        void aTokenWithoutAKid() {
            server.serve(jwk(EC, "ec-1"));

            assertRefused(verifier(), token(EC.getPrivate(), Jwts.SIG.ES256, null, b -> b), "header kid missing");
        }

        @Test
        void anAlgorithmThatDoesNotMatchTheKeyTheKidNames() {
            server.serve(jwk(EC, "ec-1"));

            assertRefused(verifier(), token(RSA.getPrivate(), Jwts.SIG.RS256, "ec-1", b -> b),
                    "algorithm does not match the key");
        }

        @Test
        void anAlgorithmOtherThanTheOneTheKeyIsPublishedFor() {
            server.serve(Jwks.json(Jwks.builder().key(RSA.getPublic()).id("rsa-1").algorithm("RS512").build()));

            assertRefused(verifier(), token(RSA.getPrivate(), Jwts.SIG.RS256, "rsa-1", b -> b),
                    "algorithm does not match the key");
        }

        @Test
        void anHmacTokenSignedWithThePublishedPublicKeyAsItsSecret() {
            server.serve(jwk(RSA, "rsa-1"));
            String confused = Jwts.builder().header().keyId("rsa-1").and().subject("alice").issuer("gream")
                    .audience().add("gream-ingress").and().issuedAt(Date.from(NOW))
                    .expiration(Date.from(NOW.plus(Duration.ofMinutes(10))))
                    .signWith(Keys.hmacShaKeyFor(RSA.getPublic().getEncoded()), Jwts.SIG.HS256).compact();

            assertRefused(verifier(), confused, "algorithm HS256 not accepted");
        }

        @Test
        void aTokenSignedByAnotherKeyUnderAKnownKid() {
            server.serve(jwk(EC, "ec-1"));

            assertRefused(verifier(), token(NEXT_EC.getPrivate(), Jwts.SIG.ES256, "ec-1", b -> b),
                    "signature not valid");
        }

        @Test
        void anExpiredToken() {
            server.serve(jwk(EC, "ec-1"));

            assertRefused(verifier(), token(EC.getPrivate(), Jwts.SIG.ES256, "ec-1",
                    b -> b.issuedAt(Date.from(NOW.minus(Duration.ofMinutes(20))))
                            .expiration(Date.from(NOW.minus(Duration.ofMinutes(5))))), "token expired");
        }

        @Test
        void aTokenSignedWithAKeyPastItsExpiry() {
            String expiredKey = Jwks.json(Jwks.builder().key(EC.getPublic()).id("ec-old")
                    .add("exp", NOW.minus(Duration.ofDays(1)).getEpochSecond()).build());
            server.serve(expiredKey, jwk(NEXT_EC, "ec-2"));

            assertRefused(verifier(), token(EC.getPrivate(), Jwts.SIG.ES256, "ec-old", b -> b),
                    "signing key expired");
        }

        @Test
        void aTokenMeantToLiveLongerThanTheMaximumLifetime() {
            server.serve(jwk(EC, "ec-1"));
            TokenVerifier verifier = verifier();

            assertRefused(verifier, token(EC.getPrivate(), Jwts.SIG.ES256, "ec-1",
                    b -> b.expiration(Date.from(NOW.plus(Duration.ofHours(2))))), "token lifetime longer than");
            assertRefused(verifier, token(EC.getPrivate(), Jwts.SIG.ES256, "ec-1",
                    b -> b.issuedAt(null).expiration(Date.from(NOW.plus(Duration.ofDays(30))))),
                    "token lifetime longer than");
        }

        @Test
        void aTokenIssuedInTheFuture() {
            server.serve(jwk(EC, "ec-1"));

            assertRefused(verifier(), token(EC.getPrivate(), Jwts.SIG.ES256, "ec-1",
                    b -> b.issuedAt(Date.from(NOW.plus(Duration.ofMinutes(5))))), "claim iat in the future");
        }

        @Test
        void aTokenWithoutExpOrIssOrForAnotherIssuer() {
            server.serve(jwk(EC, "ec-1"));
            TokenVerifier verifier = verifier();

            assertRefused(verifier, token(EC.getPrivate(), Jwts.SIG.ES256, "ec-1", b -> b.expiration(null)),
                    "claim exp missing");
            assertRefused(verifier, token(EC.getPrivate(), Jwts.SIG.ES256, "ec-1", b -> b.issuer(null)),
                    "claim iss missing");
            assertRefused(verifier, token(EC.getPrivate(), Jwts.SIG.ES256, "ec-1", b -> b.issuer("evil")),
                    "claim iss not accepted");
        }

        @Test
        void aKeySetHoldingAPrivateKey() {
            server.serve(Jwks.UNSAFE_JSON(Jwks.builder().keyPair(EC).id("ec-1").build()));

            assertThatThrownBy(() -> new IdentityProviderKeys(settings(server.url(), null), clock).load())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("private or secret key");
        }
    }

    @Nested
    class KeySourceRefuses {

        @Test
        void anHmacSecretOutsideTheLocalProfileEvenWithAJwks() {
            AuthProperties hmacAndJwks = properties("c2VjcmV0", settings(URI.create("https://idp.example/jwks"), null));

            assertThatThrownBy(() -> AuthConfiguration.keySource(hmacAndJwks, false))
                    .hasMessageContaining("gream.auth.hmac-secret is set outside the local profile");
        }

        @Test
        void aServiceWithoutAnyKeysOutsideTheLocalProfile() {
            assertThatThrownBy(() -> AuthConfiguration.keySource(properties(null, null), false))
                    .hasMessageContaining("gream.auth.jwks.url");
        }

        @Test
        void nothingElse() {
            assertThat(AuthConfiguration.keySource(properties(null, settings(URI.create("https://idp/jwks"), null)),
                    false)).isEqualTo(AuthConfiguration.KeySource.IDENTITY_PROVIDER);
            assertThat(AuthConfiguration.keySource(properties("c2VjcmV0", null), true))
                    .isEqualTo(AuthConfiguration.KeySource.LOCAL_HMAC);
        }
    }

    private TokenVerifier verifier() {
        return TokenVerifier.withPublicKeys(new IdentityProviderKeys(settings(server.url(), null), clock).load(),
                rules(), VerifiedTokens.none());
    }

    private TokenVerifier.Rules rules() {
        return new TokenVerifier.Rules("gream", Set.of("gream-ingress"), Duration.ofSeconds(30), Duration.ofHours(1),
                clock);
    }

    private static AuthProperties.Jwks settings(URI url, Path file) {
        return new AuthProperties.Jwks(url, file, Duration.ofMinutes(5), Duration.ofSeconds(30),
                Duration.ofSeconds(2), List.of("RS256", "ES256", "EdDSA"));
    }

    private static AuthProperties properties(String hmacSecret, AuthProperties.Jwks jwks) {
        return new AuthProperties(hmacSecret, "gream", "gream-ingress", Duration.ofSeconds(30), List.of(),
                Duration.ofHours(1), jwks, null);
    }

    private static String jwk(KeyPair pair, String kid) {
        PublicJwk<?> jwk = Jwks.builder().key(pair.getPublic()).id(kid).build();
        return Jwks.json(jwk);
    }

    private static String jwks(String... keys) {
        return Stream.of(keys).collect(Collectors.joining(",", "{\"keys\":[", "]}"));
    }

    private static String token(PrivateKey key, SignatureAlgorithm algorithm, String kid,
                                UnaryOperator<JwtBuilder> change) {
        JwtBuilder builder = Jwts.builder().subject("alice").issuer("gream").audience().add("gream-ingress").and()
                .issuedAt(Date.from(NOW)).expiration(Date.from(NOW.plus(Duration.ofMinutes(10))));
        if (kid != null) {
            builder.header().keyId(kid);
        }
        return change.apply(builder).signWith(key, algorithm).compact();
    }

    private static void assertRefused(TokenVerifier verifier, String token, String why) {
        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining(why);
    }

    /** The identity provider's {@code jwks_uri}: a real HTTP server whose key set a test can replace. */
    private static final class JwksServer implements AutoCloseable {

        private final HttpServer http;
        private final AtomicInteger fetches = new AtomicInteger();
        private volatile String body = "{\"keys\":[]}";

        JwksServer() {
            try {
                http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            http.createContext("/jwks", exchange -> {
                fetches.incrementAndGet();
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            http.start();
        }

        void serve(String... keys) {
            body = jwks(keys);
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/jwks");
        }

        int fetches() {
            return fetches.get();
        }

        @Override
        public void close() {
            http.stop(0);
        }
    }
}
