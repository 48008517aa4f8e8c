package io.gream.notifier.testing;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/** Tokens as the ingress's development endpoint issues them (issuer gream, audience gream-ingress). */
public final class Tokens {

    public static final String SECRET = Base64.getEncoder()
            .encodeToString("gream-notifier-test-key-32bytes!".getBytes(StandardCharsets.US_ASCII));
    private static final SecretKey KEY = Keys.hmacShaKeyFor(Base64.getDecoder().decode(SECRET));

    private Tokens() {
    }

    public static String valid(String userId) {
        return forAudience(userId, "gream-ingress");
    }

    public static String forAudience(String userId, String audience) {
        Instant now = Instant.now();
        return Jwts.builder().subject(userId).issuer("gream").audience().add(audience).and()
                .issuedAt(Date.from(now)).expiration(Date.from(now.plus(Duration.ofMinutes(10))))
                .signWith(KEY).compact();
    }
}
