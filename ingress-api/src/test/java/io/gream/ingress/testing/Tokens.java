package io.gream.ingress.testing;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.function.UnaryOperator;

/** Mints the tokens the tests send: valid ones, and each kind of forgery the ingress must refuse. */
public final class Tokens {

    /** Base64 of 32 bytes: the shortest key the ingress accepts. */
    public static final String SECRET = Base64.getEncoder()
            .encodeToString("gream-ingress-test-key-32-bytes!".getBytes(StandardCharsets.US_ASCII));
    public static final String ISSUER = "gream";
    public static final String AUDIENCE = "gream-ingress";

    private static final SecretKey KEY = Keys.hmacShaKeyFor(Base64.getDecoder().decode(SECRET));
    private static final SecretKey OTHER_KEY = Keys.hmacShaKeyFor(
            "a-different-key-of-32-bytes-long".getBytes(StandardCharsets.US_ASCII));

    private Tokens() {
    }

    /** A valid token for {@code userId}, expiring in ten minutes. */
    public static String valid(String userId) {
        return build(userId, UnaryOperator.identity(), KEY);
    }

    /** A token for {@code userId} with the given changes to an otherwise valid token, signed with the right key. */
    public static String with(String userId, UnaryOperator<JwtBuilder> change) {
        return build(userId, change, KEY);
    }

    public static String signedWithAnotherKey(String userId) {
        return build(userId, UnaryOperator.identity(), OTHER_KEY);
    }

    /** An unsecured JWT ({@code "alg":"none"}, empty signature) with otherwise valid claims. */
    public static String unsigned(String userId) {
        long exp = Instant.now().plus(Duration.ofMinutes(10)).getEpochSecond();
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
        String payload = "{\"sub\":\"" + userId + "\",\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE
                + "\",\"exp\":" + exp + "}";
        return base64Url(header) + "." + base64Url(payload) + ".";
    }

    /** A valid token for {@code userId} whose payload was then changed to name {@code otherUser}. */
    public static String tampered(String userId, String otherUser) {
        String[] parts = valid(userId).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"" + userId + "\"", "\"" + otherUser + "\"");
        return parts[0] + "." + base64Url(payload) + "." + parts[2];
    }

    private static String build(String userId, UnaryOperator<JwtBuilder> change, SecretKey key) {
        Instant now = Instant.now();
        JwtBuilder builder = Jwts.builder()
                .subject(userId)
                .issuer(ISSUER)
                .audience().add(AUDIENCE).and()
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(Duration.ofMinutes(10))));
        return change.apply(builder).signWith(key).compact();
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
