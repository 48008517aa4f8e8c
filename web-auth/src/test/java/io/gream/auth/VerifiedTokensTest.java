package io.gream.auth;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A token that verified is remembered, but never past its own expiry (with the clock skew applied by a fresh
 * verification), never past the ttl, never for another token, and never more of them than the cache holds.
 */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final SecretKey KEY = Keys.hmacShaKeyFor(
            "web-auth-test-key-of-32-bytes!!!".getBytes(StandardCharsets.US_ASCII));

    private final MovableClock clock = new MovableClock(NOW);
    private final VerifiedTokens verified = new VerifiedTokens(3, Duration.ofMinutes(1));
    private final TokenVerifier verifier = TokenVerifier.withHmacKey(KEY, new TokenVerifier.Rules("gream",
            Set.of("gream-ingress"), SKEW, Duration.ofHours(1), clock), verified);

    @Test
    void aVerifiedTokenIsRememberedAndAnsweredWithItsUser() {
        String token = token("alice", NOW.plus(Duration.ofMinutes(10)));

        assertThat(verifier.verify(token).userId()).isEqualTo("alice");
        assertThat(verified.find(token, NOW)).contains(new AuthenticatedUser("alice"));
        assertThat(verifier.verify(token).userId()).isEqualTo("alice");
    }

    @Test
    void anExpiredTokenIsRefusedEvenThoughItWasRemembered() {
        String token = token("alice", NOW.plus(Duration.ofSeconds(20)));
        verifier.verify(token);

        clock.advance(Duration.ofSeconds(20).plus(SKEW).plusSeconds(1));

        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("token expired");
    }

    @Test
    void aRememberedTokenIsNotTrustedPastItsExpiryEvenWithinTheClockSkew() {
        String token = token("alice", NOW.plus(Duration.ofSeconds(20)));
        verifier.verify(token);

        clock.advance(Duration.ofSeconds(20));

        assertThat(verified.find(token, clock.instant())).isEmpty();
        // verified again from scratch, which allows the skew
        assertThat(verifier.verify(token).userId()).isEqualTo("alice");
    }

    @Test
    void aRememberedTokenIsVerifiedAgainAfterTheTtl() {
        String token = token("alice", NOW.plus(Duration.ofMinutes(10)));
        verifier.verify(token);

        assertThat(verified.find(token, NOW.plus(Duration.ofSeconds(59)))).isPresent();
        assertThat(verified.find(token, NOW.plus(Duration.ofMinutes(1)))).isEmpty();
    }

    @Test
    void anotherTokenIsNotTakenForARememberedOne() {
        String alice = token("alice", NOW.plus(Duration.ofMinutes(10)));
        verifier.verify(alice);
        String forged = alice.substring(0, alice.lastIndexOf('.') + 1) + "AAAA" + alice.substring(
                alice.lastIndexOf('.') + 5);

        assertThat(verifier.verify(token("bob", NOW.plus(Duration.ofMinutes(10)))).userId()).isEqualTo("bob");
        assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOf(InvalidTokenException.class);
        assertThat(verified.find(forged, NOW)).isEmpty();
    }

    @Test
    void aRefusedTokenIsNotRemembered() {
        String tooLong = Jwts.builder().subject("alice").issuer("gream").audience().add("gream-ingress").and()
                .issuedAt(Date.from(NOW)).expiration(Date.from(NOW.plus(Duration.ofHours(2)))).signWith(KEY).compact();

        assertThatThrownBy(() -> verifier.verify(tooLong)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("lifetime");
        assertThat(verified.find(tooLong, NOW)).isEmpty();
    }

    @Test
    void holdsNoMoreTokensThanItsSize() {
        for (int i = 0; i < 10; i++) {
            verifier.verify(token("user" + i, NOW.plus(Duration.ofMinutes(10))));
        }

        assertThat(verified.size()).isLessThanOrEqualTo(3);
    }

    @Test
    void aCacheOfSizeZeroRemembersNothing() {
        VerifiedTokens none = VerifiedTokens.none();
        String token = token("alice", NOW.plus(Duration.ofMinutes(10)));

        none.remember(token, new AuthenticatedUser("alice"), NOW.plus(Duration.ofMinutes(10)), NOW);

        assertThat(none.find(token, NOW)).isEmpty();
    }

    private static String token(String user, Instant expires) {
        return Jwts.builder().subject(user).issuer("gream").audience().add("gream-ingress").and()
                .issuedAt(Date.from(NOW)).expiration(Date.from(expires)).signWith(KEY).compact();
    }
}
