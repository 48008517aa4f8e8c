package io.gream.ingress.auth;

import io.gream.auth.AuthConfiguration;
import io.gream.auth.AuthProperties;
import io.gream.auth.HmacKeys;
import io.gream.auth.TokenVerifier;
import io.gream.support.problem.ProblemException;
import io.jsonwebtoken.Jwts;
import io.swagger.v3.oas.annotations.Operation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
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
 * <p>It lets anyone act as anyone, so it takes two deliberate steps: the {@code local} profile <em>and</em>
 * {@code gream.auth.dev-tokens.enabled=true}; and the service refuses to start with it while a production key
 * source is configured (the identity provider's JWKS, or a signing secret from the environment,
 * {@code GREAM_AUTH_HMAC_SECRET}), so it can only ever sign with the public development key. It logs a warning at
 * start. In production tokens come from the identity provider, and services hold its public keys only.
 */
@RestController
@Profile(AuthConfiguration.LOCAL_PROFILE)
@ConditionalOnProperty(name = DevTokenController.ENABLED, havingValue = "true")
class DevTokenController {

    static final String ENABLED = "gream.auth.dev-tokens.enabled";
    static final Duration DEFAULT_TTL = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(DevTokenController.class);

    private final SecretKey key;
    private final AuthProperties properties;
    private final Clock clock;

    DevTokenController(AuthProperties properties, Clock clock, Environment environment) {
        if (properties.jwks().configured()) {
            throw new IllegalStateException(ENABLED + "=true while the identity provider's keys are configured"
                    + " (gream.auth.jwks.*): development tokens are for a machine without an identity provider;"
                    + " turn one of them off");
        }
        if (environment.getProperty("GREAM_AUTH_HMAC_SECRET") != null) {
            throw new IllegalStateException(ENABLED + "=true while GREAM_AUTH_HMAC_SECRET is set: development"
                    + " tokens sign with the public development key only, never with a secret from the environment");
        }
        this.key = HmacKeys.fromBase64(properties.hmacSecret());
        this.properties = properties;
        this.clock = clock;
        log.warn("""

                ************************************************************************************************
                DEVELOPMENT TOKENS ARE ON: POST /api/dev/tokens signs a token for ANY user id with the PUBLIC
                development key. Never run this where real users can reach it ({} with the local profile).
                ************************************************************************************************""",
                ENABLED);
    }

    /**
     * @param userId     the user to act as (the token's {@code sub})
     * @param ttlSeconds how long the token is valid, default one hour, at most {@code gream.auth.max-lifetime}
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
        Duration max = properties.maxLifetime();
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(max) > 0) {
            throw ProblemException.invalid("ttlSeconds", "must be in 1.." + max.toSeconds()
                    + " (gream.auth.max-lifetime)");
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
