package io.gream.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code gream.auth.*}: how bearer tokens are verified.
 *
 * @param hmacSecret the shared HMAC key, Base64 (standard alphabet) of at least 32 random bytes (256 bits), e.g.
 *                   {@code openssl rand -base64 32}; shorter, missing or non-Base64 keys stop the service from
 *                   starting
 * @param issuer     the required {@code iss} claim
 * @param audience   the required {@code aud} claim (one of the token's audiences), and the audience development
 *                   tokens are issued for
 * @param clockSkew  tolerance for {@code exp}/{@code nbf} between the issuer's clock and ours
 * @param acceptedAudiences when not empty, a token is accepted if any of its audiences is in this list (instead of
 *                   requiring {@code audience}), so one token can be used at several Gream services
 */
@ConfigurationProperties("gream.auth")
public record AuthProperties(
        String hmacSecret,
        @DefaultValue("gream") String issuer,
        @DefaultValue("gream-ingress") String audience,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue List<String> acceptedAudiences) {

    public AuthProperties {
        acceptedAudiences = acceptedAudiences == null ? List.of() : List.copyOf(acceptedAudiences);
        if (acceptedAudiences.stream().anyMatch(a -> a == null || a.isBlank())) {
            throw new IllegalArgumentException("gream.auth.accepted-audiences must not contain blank entries");
        }
        if (issuer == null || issuer.isBlank() || audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("gream.auth.issuer and gream.auth.audience must not be blank");
        }
        if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("gream.auth.clock-skew must be between 0 and 5 minutes");
        }
    }

    /** The audiences a token may carry (any one suffices): {@code acceptedAudiences}, or else {@code audience}. */
    public Set<String> acceptedAudiencesOrDefault() {
        return acceptedAudiences.isEmpty() ? Set.of(audience) : Set.copyOf(acceptedAudiences);
    }
}
