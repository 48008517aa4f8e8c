package io.gream.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Tokens verified recently, by their exact text, so a client that sends the same token with every request is not
 * verified from scratch each time (parsing, signature, claims cost more than the rest of a small request).
 *
 * <p>An entry answers only before {@code min(exp, verified + ttl)}: never past the token's own expiry (from then on
 * the token is verified from scratch, with the clock skew, like any other), and at most {@code ttl} after it was
 * verified, so a key the identity provider withdrew stops being honoured within {@code ttl}. Only successes are
 * kept; a refused token is checked again every time. Bounded to {@code maxSize} tokens (least recently used go
 * first); a {@code maxSize} of 0 keeps nothing.
 */
final class VerifiedTokens {

    private record Verified(AuthenticatedUser user, Instant validUntil) {
    }

    private final Cache<String, Verified> verified;
    private final Duration ttl;
    private final boolean keeps;

    VerifiedTokens(int maxSize, Duration ttl) {
        this.ttl = ttl;
        this.keeps = maxSize > 0 && !ttl.isZero();
        this.verified = Caffeine.newBuilder().maximumSize(maxSize).expireAfterWrite(ttl).build();
    }

    /** Keeps nothing: every token is verified every time. */
    static VerifiedTokens none() {
        return new VerifiedTokens(0, Duration.ZERO);
    }

    /** The user {@code token} was verified for, if that is still valid at {@code now}. */
    Optional<AuthenticatedUser> find(String token, Instant now) {
        Verified entry = verified.getIfPresent(token);
        if (entry == null) {
            return Optional.empty();
        }
        if (!now.isBefore(entry.validUntil())) {
            verified.invalidate(token);
            return Optional.empty();
        }
        return Optional.of(entry.user());
    }

    /** Remembers that {@code token}, expiring at {@code expires}, was verified for {@code user} at {@code now}. */
    void remember(String token, AuthenticatedUser user, Instant expires, Instant now) {
        if (!keeps) {
            return;
        }
        Instant validUntil = now.plus(ttl);
        verified.put(token, new Verified(user, expires.isBefore(validUntil) ? expires : validUntil));
    }

    /** Tokens held now (after pending evictions ran). */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }
}
