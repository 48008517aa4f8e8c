package io.gream.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code gream.auth.*}: how bearer tokens are verified.
 *
 * <p>The keys come from the identity provider's JWKS ({@code jwks.url} or {@code jwks.file}): public keys only, so
 * the service cannot mint a token. {@code hmac-secret} is a key that signs as well as verifies, accepted under the
 * {@code local} profile only (development tokens); anywhere else the service refuses to start with one.
 *
 * @param hmacSecret  the local profile's HMAC key, Base64 (standard alphabet) of at least 32 random bytes; shorter,
 *                    or set outside the {@code local} profile, stops the service from starting
 * @param issuer      the required {@code iss} claim
 * @param audience    the required {@code aud} claim (one of the token's audiences), and the audience development
 *                    tokens are issued for
 * @param clockSkew   tolerance for {@code exp}/{@code nbf}/{@code iat} between the issuer's clock and ours
 * @param acceptedAudiences when not empty, a token is accepted if any of its audiences is in this list (instead of
 *                    requiring {@code audience}), so one token can be used at several Gream services
 * @param maxLifetime longest a token may be valid ({@code exp} minus {@code iat}, or minus now without
 *                    {@code iat}); a longer one is refused even with a valid signature
 * @param jwks        where the identity provider's public keys are
 * @param verifiedTokens how many verified tokens are remembered, and for how long at most
 */
@ConfigurationProperties("gream.auth")
public record AuthProperties(
        String hmacSecret,
        @DefaultValue("gream") String issuer,
        @DefaultValue("gream-ingress") String audience,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue List<String> acceptedAudiences,
        @DefaultValue("1h") Duration maxLifetime,
        @DefaultValue Jwks jwks,
        @DefaultValue VerifiedTokenCache verifiedTokens) {

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
        if (maxLifetime.isNegative() || maxLifetime.isZero() || maxLifetime.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("gream.auth.max-lifetime must be between 1s and 1 day");
        }
        if (jwks == null) {
            jwks = new Jwks(null, null, Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(3),
                    List.of("RS256", "ES256", "EdDSA"));
        }
        if (verifiedTokens == null) {
            verifiedTokens = new VerifiedTokenCache(10_000, Duration.ofMinutes(1));
        }
    }

    /** The audiences a token may carry (any one suffices): {@code acceptedAudiences}, or else {@code audience}. */
    public Set<String> acceptedAudiencesOrDefault() {
        return acceptedAudiences.isEmpty() ? Set.of(audience) : Set.copyOf(acceptedAudiences);
    }

    /** Whether an HMAC key was configured, which can sign tokens as well as check them. */
    public boolean hasHmacSecret() {
        return hmacSecret != null && !hmacSecret.isBlank();
    }

    /**
     * {@code gream.auth.jwks.*}: the identity provider's public keys, as a JSON Web Key Set (RFC 7517).
     *
     * @param url               fetched over HTTP(S) and cached; the identity provider's {@code jwks_uri}
     * @param file              read from disk instead (one of {@code url} and {@code file})
     * @param refreshInterval   how long fetched keys are used before they are fetched again
     * @param minRefreshInterval least time between two fetches, also when a token names a key id not seen yet
     *                          (the identity provider rotated its keys): a flood of made-up key ids fetches at most
     *                          once per interval
     * @param timeout           most time one fetch may take
     * @param algorithms        signature algorithms accepted; HMAC ({@code HS*}) and {@code none} never are
     */
    public record Jwks(
            URI url,
            Path file,
            @DefaultValue("5m") Duration refreshInterval,
            @DefaultValue("30s") Duration minRefreshInterval,
            @DefaultValue("3s") Duration timeout,
            @DefaultValue({"RS256", "ES256", "EdDSA"}) List<String> algorithms) {

        public Jwks {
            // an unset environment variable in a placeholder binds as empty: not configured
            url = url == null || url.toString().isEmpty() ? null : url;
            file = file == null || file.toString().isEmpty() ? null : file;
            if (url != null && file != null) {
                throw new IllegalArgumentException("set one of gream.auth.jwks.url and gream.auth.jwks.file, not both");
            }
            if (url != null && !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
                throw new IllegalArgumentException("gream.auth.jwks.url must be an http(s) URL: " + url);
            }
            algorithms = List.copyOf(algorithms);
            if (algorithms.isEmpty() || algorithms.stream().anyMatch(a -> a.startsWith("HS") || a.equals("none"))) {
                throw new IllegalArgumentException("gream.auth.jwks.algorithms must name asymmetric algorithms only,"
                        + " such as RS256, ES256, EdDSA");
            }
        }

        /** Whether the identity provider's keys are configured (the production key source). */
        public boolean configured() {
            return url != null || file != null;
        }
    }

    /**
     * {@code gream.auth.verified-tokens.*}: tokens that verified are remembered by their text, so a client sending
     * the same token with each request is not verified from scratch each time. A remembered token is honoured until
     * its {@code exp} or {@code ttl} after it was verified, whichever is first: {@code ttl} bounds how long a key
     * the identity provider withdrew is still trusted. Refused tokens are not remembered.
     *
     * @param maxSize most tokens remembered (least recently used forgotten first); 0 remembers none
     * @param ttl     longest a verification is remembered
     */
    public record VerifiedTokenCache(
            @DefaultValue("10000") int maxSize,
            @DefaultValue("1m") Duration ttl) {

        public VerifiedTokenCache {
            if (maxSize < 0 || ttl.isNegative() || ttl.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("gream.auth.verified-tokens: max-size must be 0 or more and ttl"
                        + " between 0 and 1 hour");
            }
        }
    }
}
