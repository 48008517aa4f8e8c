package io.gream.ingress.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code gream.auth.*}: how bearer tokens are verified.
 *
 * @param hmacSecret the shared HMAC key, Base64 (standard alphabet) of at least 32 random bytes (256 bits), e.g.
 *                   {@code openssl rand -base64 32}; shorter, missing or non-Base64 keys stop the service from
 *                   starting
 * @param issuer     the required {@code iss} claim
 * @param audience   the required {@code aud} claim (one of the token's audiences)
 * @param clockSkew  tolerance for {@code exp}/{@code nbf} between the issuer's clock and ours
 */
@ConfigurationProperties("gream.auth")
record AuthProperties(
        String hmacSecret,
        @DefaultValue("gream") String issuer,
        @DefaultValue("gream-ingress") String audience,
        @DefaultValue("30s") Duration clockSkew) {

    AuthProperties {
        if (issuer == null || issuer.isBlank() || audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("gream.auth.issuer and gream.auth.audience must not be blank");
        }
        if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("gream.auth.clock-skew must be between 0 and 5 minutes");
        }
    }
}
