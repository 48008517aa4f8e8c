package io.gream.notifier.testing;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.Keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.UnaryOperator;

/**
 * Tokens as the identity provider issues them (issuer gream, audience gream-ingress, ES256 under key id
 * {@value #KEY_ID}); the notifier verifies them with the public key in {@link #jwksFile()}.
 */
public final class Tokens {

    public static final String KEY_ID = "test-idp-1";

    private static final KeyPair KEY = Jwts.SIG.ES256.keyPair().build();
    private static Path jwksFile;

    private Tokens() {
    }

    /** The identity provider's public key set, as a file: pass as {@code --gream.auth.jwks.file}. */
    public static synchronized String jwksFile() {
        if (jwksFile == null) {
            try {
                jwksFile = Files.createTempFile("gream-notifier-test-jwks", ".json");
                jwksFile.toFile().deleteOnExit();
                Files.writeString(jwksFile, "{\"keys\":[" + Jwks.json(Jwks.builder().key(KEY.getPublic()).id(KEY_ID)
                        .build()) + "]}");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return jwksFile.toString();
    }

    public static String valid(String userId) {
        return forAudience(userId, "gream-ingress");
    }

    public static String forAudience(String userId, String audience) {
        return with(userId, audience, UnaryOperator.identity());
    }

    /** A token for {@code userId} with the given changes to an otherwise valid one, signed with the right key. */
    public static String with(String userId, UnaryOperator<JwtBuilder> change) {
        return with(userId, "gream-ingress", change);
    }

    /** Signed with a shared HMAC key (as development tokens are), under the provider's key id. */
    public static String signedWithAnHmacKey(String userId) {
        Instant now = Instant.now();
        return Jwts.builder().header().keyId(KEY_ID).and()
                .subject(userId).issuer("gream").audience().add("gream-ingress").and()
                .issuedAt(Date.from(now)).expiration(Date.from(now.plus(Duration.ofMinutes(10))))
                .signWith(Keys.hmacShaKeyFor("a-shared-key-of-32-bytes-long!!!".getBytes(StandardCharsets.US_ASCII)))
                .compact();
    }

    private static String with(String userId, String audience, UnaryOperator<JwtBuilder> change) {
        Instant now = Instant.now();
        JwtBuilder builder = Jwts.builder().header().keyId(KEY_ID).and()
                .subject(userId).issuer("gream").audience().add(audience).and()
                .issuedAt(Date.from(now)).expiration(Date.from(now.plus(Duration.ofMinutes(10))));
        return change.apply(builder).signWith(KEY.getPrivate()).compact();
    }
}
