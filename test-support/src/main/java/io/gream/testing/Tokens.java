package io.gream.testing;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.Keys;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.function.UnaryOperator;

/**
 * Mints the tokens the tests of every service send, as the identity provider would: ES256 with the key id
 * {@value #KEY_ID}, whose public key is in the JWKS file {@link #jwksFile()} a service under test is configured with
 * ({@code --gream.auth.jwks.file}). Also each kind of forgery the services must refuse.
 */
public final class Tokens {

    public static final String ISSUER = "gream";
    public static final String AUDIENCE = "gream-ingress";
    public static final String KEY_ID = "test-idp-1";

    private static final KeyPair KEY = Jwts.SIG.ES256.keyPair().build();
    private static final KeyPair OTHER_KEY = Jwts.SIG.ES256.keyPair().build();
    /** An HMAC key, as the local profile's development tokens are signed: never accepted with a JWKS. */
    private static final SecretKey HMAC_KEY = Keys.hmacShaKeyFor(
            "a-shared-key-of-32-bytes-long!!!".getBytes(StandardCharsets.US_ASCII));
    private static Path jwksFile;

    private Tokens() {
    }

    /** The identity provider's public key set (the public half of the signing key only), as a file. */
    public static synchronized String jwksFile() {
        if (jwksFile == null) {
            try {
                jwksFile = Files.createTempFile("gream-test-jwks", ".json");
                jwksFile.toFile().deleteOnExit();
                Files.writeString(jwksFile, "{\"keys\":[" + Jwks.json(Jwks.builder().key(KEY.getPublic()).id(KEY_ID)
                        .build()) + "]}");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return jwksFile.toString();
    }

    /** A valid token for {@code userId}, expiring in ten minutes. */
    public static String valid(String userId) {
        return build(userId, UnaryOperator.identity(), KEY.getPrivate());
    }

    /** A token for {@code userId} with the given changes to an otherwise valid token, signed with the right key. */
    public static String with(String userId, UnaryOperator<JwtBuilder> change) {
        return build(userId, change, KEY.getPrivate());
    }

    /** A valid token for {@code userId} issued for another audience than {@value #AUDIENCE}. */
    public static String forAudience(String userId, String audience) {
        return build(userId, audience, UnaryOperator.identity(), KEY.getPrivate());
    }

    /** Signed by another key under the provider's key id. */
    public static String signedWithAnotherKey(String userId) {
        return build(userId, UnaryOperator.identity(), OTHER_KEY.getPrivate());
    }

    /** Signed with a shared HMAC key, as development tokens are. */
    public static String signedWithAnHmacKey(String userId) {
        return build(userId, UnaryOperator.identity(), HMAC_KEY);
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

    private static String build(String userId, UnaryOperator<JwtBuilder> change, Key key) {
        return build(userId, AUDIENCE, change, key);
    }

    private static String build(String userId, String audience, UnaryOperator<JwtBuilder> change, Key key) {
        Instant now = Instant.now();
        JwtBuilder builder = Jwts.builder()
                .header().keyId(KEY_ID).and()
                .subject(userId)
                .issuer(ISSUER)
                .audience().add(audience).and()
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(Duration.ofMinutes(10))));
        return change.apply(builder).signWith(key).compact();
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
