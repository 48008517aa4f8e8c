package io.gream.auth;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A service may accept tokens for several audiences; any one of the token's audiences must be among them. */
class TokenVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final SecretKey KEY = Keys.hmacShaKeyFor(
            "web-auth-test-key-of-32-bytes!!!".getBytes(StandardCharsets.US_ASCII));

    private final TokenVerifier verifier = TokenVerifier.withHmacKey(KEY, new TokenVerifier.Rules("gream",
            Set.of("gream-ingress", "gream-notifier"), Duration.ofSeconds(30), Duration.ofHours(1),
            Clock.fixed(NOW, ZoneOffset.UTC)), VerifiedTokens.none());

    @Test
    void acceptsATokenForAnyConfiguredAudience() {
        assertThat(verifier.verify(token("alice", "gream-ingress")).userId()).isEqualTo("alice");
        assertThat(verifier.verify(token("bob", "gream-notifier")).userId()).isEqualTo("bob");
    }

    @Test
    void refusesATokenForAnotherAudienceOrWithoutOne() {
        assertThatThrownBy(() -> verifier.verify(token("alice", "gream-admin")))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("claim aud not accepted");
        assertThatThrownBy(() -> verifier.verify(token("alice", null)))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("claim aud missing");
    }

    @Test
    void refusesAnExpiredTokenWithTheChallenge() {
        String expired = Jwts.builder().subject("alice").issuer("gream").audience().add("gream-ingress").and()
                .expiration(Date.from(NOW.minus(Duration.ofMinutes(5)))).signWith(KEY).compact();

        assertThatThrownBy(() -> verifier.verify(expired))
                .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.challenge())
                        .isEqualTo("Bearer realm=\"gream\", error=\"invalid_token\", error_description=\"token expired\""));
    }

    @Test
    void defaultsToTheSingleConfiguredAudience() {
        AuthProperties single = new AuthProperties("x", "gream", "gream-ingress", Duration.ZERO, null,
                Duration.ofHours(1), null, null);
        AuthProperties list = new AuthProperties("x", "gream", "gream-ingress", Duration.ZERO,
                java.util.List.of("gream-ingress", "gream-notifier"), Duration.ofHours(1), null, null);

        assertThat(single.acceptedAudiencesOrDefault()).containsExactly("gream-ingress");
        assertThat(list.acceptedAudiencesOrDefault()).containsExactlyInAnyOrder("gream-ingress", "gream-notifier");
    }

    private static String token(String user, String audience) {
        var builder = Jwts.builder().subject(user).issuer("gream")
                .issuedAt(Date.from(NOW)).expiration(Date.from(NOW.plus(Duration.ofMinutes(10))));
        if (audience != null) {
            builder.audience().add(audience);
        }
        return builder.signWith(KEY).compact();
    }
}
