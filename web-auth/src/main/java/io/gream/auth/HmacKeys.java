package io.gream.auth;

import io.jsonwebtoken.security.Keys;

import javax.crypto.SecretKey;
import java.util.Base64;

/**
 * Turns the configured secret into an HMAC key, refusing one too weak to sign tokens with. Failing at startup is
 * the point: a service that silently accepted a short key would accept tokens an attacker can brute-force.
 */
public final class HmacKeys {

    public static final int MIN_BITS = 256;

    private HmacKeys() {
    }

    public static SecretKey fromBase64(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("gream.auth.hmac-secret is not set: give a Base64-encoded random key of"
                    + " at least " + MIN_BITS + " bits (32 bytes), e.g. from `openssl rand -base64 32`");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(secret.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("gream.auth.hmac-secret is not valid Base64 (standard alphabet)");
        }
        if (bytes.length * 8 < MIN_BITS) {
            throw new IllegalStateException("gream.auth.hmac-secret is " + bytes.length * 8 + " bits; HMAC-signed"
                    + " tokens need a key of at least " + MIN_BITS + " bits (32 bytes), so the service refuses"
                    + " to start");
        }
        return Keys.hmacShaKeyFor(bytes);
    }
}
