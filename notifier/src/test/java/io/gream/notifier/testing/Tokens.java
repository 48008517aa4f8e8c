package io.gream.notifier.testing;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

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
        Instant now = Instant.now();
        return Jwts.builder().header().keyId(KEY_ID).and()
                .subject(userId).issuer("gream").audience().add(audience).and()
                .issuedAt(Date.from(now)).expiration(Date.from(now.plus(Duration.ofMinutes(10))))
                .signWith(KEY.getPrivate()).compact();
    }
}
