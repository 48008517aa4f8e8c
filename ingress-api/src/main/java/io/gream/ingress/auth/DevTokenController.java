package io.gream.ingress.auth;

import io.gream.auth.AuthProperties;
import io.gream.auth.HmacKeys;
import io.gream.auth.TokenVerifier;
import io.gream.ingress.problem.ProblemException;
import io.jsonwebtoken.Jwts;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import javax.crypto.SecretKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Issues tokens for any user id, so the API can be tried locally without an identity provider.
 *
 * <p>Exists only under the {@code local} profile: anywhere else this would let anyone act as anyone. In production
 * tokens come from the identity provider, signed with the same shared key.
 */
@RestController
@Profile("local")
class DevTokenController {

    static final Duration DEFAULT_TTL = Duration.ofHours(1);
    static final Duration MAX_TTL = Duration.ofDays(1);

    private final SecretKey key;
    private final AuthProperties properties;
    private final Clock clock;

    DevTokenController(AuthProperties properties, Clock clock) {
        this.key = HmacKeys.fromBase64(properties.hmacSecret());
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param userId     the user to act as (the token's {@code sub})
     * @param ttlSeconds how long the token is valid, default one hour, at most one day
     */
    record DevTokenRequest(String userId, Long ttlSeconds) {
    }

    /** @param token the JWT to send as {@code Authorization: Bearer <token>} */
    record DevToken(String token, String tokenType, Instant expiresAt) {
    }

    @Operation(summary = "Issue a development token (local profile only)")
    @PostMapping(path = "/api/dev/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
    DevToken issue(@RequestBody DevTokenRequest request) {
        if (request.userId() == null || !TokenVerifier.USER_ID.matcher(request.userId()).matches()) {
            throw ProblemException.invalid("userId", "required: letters, digits and _ - . @ :, at most 128");
        }
        Duration ttl = request.ttlSeconds() == null ? DEFAULT_TTL : Duration.ofSeconds(request.ttlSeconds());
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw ProblemException.invalid("ttlSeconds", "must be in 1.." + MAX_TTL.toSeconds());
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl);
        String token = Jwts.builder()
                .id(UUID.randomUUID().toString())
                .subject(request.userId())
                .issuer(properties.issuer())
                .audience().add(properties.audience()).and()
                .issuedAt(Date.from(now))
                .expiration(Date.from(expiresAt))
                .signWith(key)
                .compact();
        return new DevToken(token, "Bearer", expiresAt);
    }
}
