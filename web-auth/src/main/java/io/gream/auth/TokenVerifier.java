package io.gream.auth;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.IncorrectClaimException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.MissingClaimException;
import io.jsonwebtoken.UnsupportedJwtException;
import io.jsonwebtoken.security.SecurityException;

import javax.crypto.SecretKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Date;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Verifies a bearer token and returns the user it names.
 *
 * <p>Only a signed JWT (JWS) verifies: unsigned ({@code alg=none}) and encrypted tokens are refused by
 * {@link JwtParser#parseSignedClaims}, and jjwt refuses an HMAC algorithm stronger than the key. Beyond the
 * signature, {@code exp}, {@code iss} and {@code aud} must all be present and match; jjwt checks {@code exp} and
 * {@code nbf} against the clock with the configured skew, but does not require {@code exp}, so that is checked here.
 * The audience is checked here too, because jjwt can require only one value and a service may accept several.
 */
public final class TokenVerifier {

    /** What a user id ({@code sub}) may look like. */
    public static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_.@:-]{1,128}");

    private final JwtParser parser;
    private final Set<String> audiences;

    /** @param audiences a token is accepted when one of its {@code aud} values is in this set (not empty) */
    public TokenVerifier(SecretKey key, String issuer, Set<String> audiences, Duration clockSkew, Clock clock) {
        if (audiences.isEmpty()) {
            throw new IllegalArgumentException("at least one accepted audience is required");
        }
        this.audiences = Set.copyOf(audiences);
        this.parser = Jwts.parser()
                .verifyWith(key)
                .requireIssuer(issuer)
                .clockSkewSeconds(clockSkew.toSeconds())
                .clock(() -> Date.from(clock.instant()))
                .build();
    }

    /** @throws InvalidTokenException when the token is not valid for any reason */
    public AuthenticatedUser verify(String token) {
        Claims claims;
        try {
            claims = parser.parseSignedClaims(token).getPayload();
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
        if (claims.getExpiration() == null) {
            throw InvalidTokenException.invalid("claim exp missing");
        }
        Set<String> tokenAudiences = claims.getAudience();
        if (tokenAudiences == null || tokenAudiences.isEmpty()) {
            throw InvalidTokenException.invalid("claim aud missing");
        }
        if (Collections.disjoint(tokenAudiences, audiences)) {
            throw InvalidTokenException.invalid("claim aud not accepted");
        }
        String subject = claims.getSubject();
        if (subject == null || !USER_ID.matcher(subject).matches()) {
            throw InvalidTokenException.invalid("claim sub missing or not a user id");
        }
        return new AuthenticatedUser(subject);
    }
}
