package io.gream.auth;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.IncorrectClaimException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.JwtParserBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.Locator;
import io.jsonwebtoken.MissingClaimException;
import io.jsonwebtoken.UnsupportedJwtException;
import io.jsonwebtoken.security.SecurityException;

import javax.crypto.SecretKey;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Verifies a bearer token and returns the user it names.
 *
 * <p>Only a signed JWT (JWS) verifies: unsigned ({@code alg=none}) and encrypted tokens are refused by
 * {@link JwtParser#parseSignedClaims}. The key is the identity provider's public key the token's {@code kid} names
 * ({@link IdentityProviderKeys}), or the local profile's HMAC key. Beyond the signature, {@code exp}, {@code iss}
 * and {@code aud} must all be present and match, and the token may not live longer than the configured maximum;
 * jjwt checks {@code exp} and {@code nbf} against the clock with the skew but does not require {@code exp}, so that
 * is checked here, with the audience (jjwt can require only one value and a service may accept several).
 *
 * <p>A token that verified is remembered ({@link VerifiedTokens}) until its expiry or the cache's ttl, whichever
 * comes first, so the same token sent again is not parsed and checked again; a refused one always is.
 */
public final class TokenVerifier {

    /** What a user id ({@code sub}) may look like. */
    public static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_.@:-]{1,128}");

    private final JwtParser parser;
    private final Rules rules;
    private final VerifiedTokens verified;

    /**
     * What a token must satisfy besides its signature.
     *
     * @param audiences   a token is accepted when one of its {@code aud} values is in this set (not empty)
     * @param maxLifetime longest a token may be valid
     */
    public record Rules(String issuer, Set<String> audiences, Duration clockSkew, Duration maxLifetime, Clock clock) {

        public Rules {
            if (audiences.isEmpty()) {
                throw new IllegalArgumentException("at least one accepted audience is required");
            }
            audiences = Set.copyOf(audiences);
        }

        static Rules of(AuthProperties properties, Clock clock) {
            return new Rules(properties.issuer(), properties.acceptedAudiencesOrDefault(), properties.clockSkew(),
                    properties.maxLifetime(), clock);
        }
    }

    private TokenVerifier(JwtParserBuilder keys, Rules rules, VerifiedTokens verified) {
        this.rules = rules;
        this.verified = verified;
        this.parser = keys
                .requireIssuer(rules.issuer())
                .clockSkewSeconds(rules.clockSkew().toSeconds())
                .clock(() -> Date.from(rules.clock().instant()))
                .build();
    }

    /** Tokens signed by the identity provider, with the public key their {@code kid} names. */
    static TokenVerifier withPublicKeys(Locator<Key> keys, Rules rules, VerifiedTokens verified) {
        return new TokenVerifier(Jwts.parser().keyLocator(keys), rules, verified);
    }

    /** Tokens signed with a shared HMAC key: the local profile's development tokens only. */
    static TokenVerifier withHmacKey(SecretKey key, Rules rules, VerifiedTokens verified) {
        return new TokenVerifier(Jwts.parser().verifyWith(key), rules, verified);
    }

    /** @throws InvalidTokenException when the token is not valid for any reason */
    public AuthenticatedUser verify(String token) {
        Instant now = rules.clock().instant();
        Optional<AuthenticatedUser> known = verified.find(token, now);
        if (known.isPresent()) {
            return known.get();
        }
        Claims claims = claims(token);
        AuthenticatedUser user = check(claims, now);
        verified.remember(token, user, claims.getExpiration().toInstant(), now);
        return user;
    }

    private Claims claims(String token) {
        try {
            return parser.parseSignedClaims(token).getPayload();
        } catch (InvalidTokenException e) {
            throw e;
        } catch (ExpiredJwtException e) {
            throw InvalidTokenException.invalid("token expired");
        } catch (MissingClaimException e) {
            throw InvalidTokenException.invalid("claim " + e.getClaimName() + " missing");
        } catch (IncorrectClaimException e) {
            throw InvalidTokenException.invalid("claim " + e.getClaimName() + " not accepted");
        } catch (SecurityException e) {
            throw InvalidTokenException.invalid("signature not valid");
        } catch (UnsupportedJwtException e) {
            throw InvalidTokenException.invalid("only signed tokens are accepted");
        } catch (JwtException | IllegalArgumentException e) {
            throw InvalidTokenException.invalid("malformed token");
        }
    }

    /** What jjwt does not check. */
    private AuthenticatedUser check(Claims claims, Instant now) {
        if (claims.getExpiration() == null) {
            throw InvalidTokenException.invalid("claim exp missing");
        }
        checkLifetime(claims, now);
        Set<String> tokenAudiences = claims.getAudience();
        if (tokenAudiences == null || tokenAudiences.isEmpty()) {
            throw InvalidTokenException.invalid("claim aud missing");
        }
        if (Collections.disjoint(tokenAudiences, rules.audiences())) {
            throw InvalidTokenException.invalid("claim aud not accepted");
        }
        String subject = claims.getSubject();
        if (subject == null || !USER_ID.matcher(subject).matches()) {
            throw InvalidTokenException.invalid("claim sub missing or not a user id");
        }
        return new AuthenticatedUser(subject);
    }

    /** A stolen long-lived token is a long-lived key: refuse any token meant to live longer than allowed. */
    private void checkLifetime(Claims claims, Instant now) {
        Instant expires = claims.getExpiration().toInstant();
        Instant issued = claims.getIssuedAt() == null ? now : claims.getIssuedAt().toInstant();
        if (issued.isAfter(now.plus(rules.clockSkew()))) {
            throw InvalidTokenException.invalid("claim iat in the future");
        }
        if (Duration.between(issued, expires).compareTo(rules.maxLifetime()) > 0
                || Duration.between(now, expires).compareTo(rules.maxLifetime().plus(rules.clockSkew())) > 0) {
            throw InvalidTokenException.invalid("token lifetime longer than " + rules.maxLifetime());
        }
    }
}
