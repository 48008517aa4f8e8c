package io.gream.auth;

import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The identity provider's public keys (a JWKS from a URL or a file), chosen for each token by its {@code kid}.
 *
 * <p>The set is cached and fetched again after {@code refresh-interval}, or sooner when a token names a key id not
 * seen yet, which is how a rotation shows up; fetches are at least {@code min-refresh-interval} apart, so made-up key
 * ids cannot turn every request into a fetch. A failed fetch keeps the keys already known. Only public keys are
 * kept: a set holding a private or secret key is refused, since a service holding it could mint tokens. A key is
 * used only with its own kind of algorithm (and its {@code alg}, when it names one); a key carrying an {@code exp}
 * member (seconds since the epoch, as some providers publish) is not used once that time has passed.
 *
 * <p>Limit: one fetch at a time per service replica, made on the request thread that found the cache stale.
 */
final class IdentityProviderKeys extends LocatorAdapter<Key> {

    private static final Logger log = LoggerFactory.getLogger(IdentityProviderKeys.class);

    private final AuthProperties.Jwks settings;
    private final Set<String> algorithms;
    private final Clock clock;
    private final HttpClient http;
    private volatile Map<String, PublicJwk<?>> keys = Map.of();
    private volatile Instant fetchedAt = Instant.MIN;
    private volatile Instant attemptedAt = Instant.MIN;

    IdentityProviderKeys(AuthProperties.Jwks settings, Clock clock) {
        if (!settings.configured()) {
            throw new IllegalArgumentException("no JWKS url or file configured");
        }
        this.settings = settings;
        this.algorithms = Set.copyOf(settings.algorithms());
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Loads the keys once at startup. A file that cannot be read or parsed stops the service; an unreachable URL is
     * logged and fetched again on the first token, since the provider may start after this service.
     */
    IdentityProviderKeys load() {
        try {
            refresh();
        } catch (RuntimeException e) {
            if (settings.file() != null || e instanceof IllegalStateException) {
                throw e;
            }
            log.warn("Could not fetch the identity provider's keys from {} ({}); tokens are refused until it answers",
                    settings.url(), e.getMessage());
        }
        return this;
    }

    @Override
    protected Key locate(JwsHeader header) {
        String algorithm = header.getAlgorithm();
        if (algorithm == null || !algorithms.contains(algorithm)) {
            throw InvalidTokenException.invalid("algorithm " + algorithm + " not accepted");
        }
        String keyId = header.getKeyId();
        if (keyId == null || keyId.isBlank()) {
            throw InvalidTokenException.invalid("header kid missing");
        }
        PublicJwk<?> jwk = find(keyId);
        if (jwk == null) {
            throw InvalidTokenException.invalid("signing key unknown");
        }
        if (jwk.getAlgorithm() != null && !jwk.getAlgorithm().equals(algorithm)) {
            throw InvalidTokenException.invalid("algorithm does not match the key");
        }
        PublicKey key = jwk.toKey();
        if (!fits(algorithm, key)) {
            throw InvalidTokenException.invalid("algorithm does not match the key");
        }
        if (expired(jwk)) {
            throw InvalidTokenException.invalid("signing key expired");
        }
        return key;
    }

    private PublicJwk<?> find(String keyId) {
        Instant now = clock.instant();
        boolean stale = now.isAfter(fetchedAt.plus(settings.refreshInterval()));
        if ((stale || !keys.containsKey(keyId)) && now.isAfter(attemptedAt.plus(settings.minRefreshInterval()))) {
            synchronized (this) {
                if (clock.instant().isAfter(attemptedAt.plus(settings.minRefreshInterval()))) {
                    try {
                        refresh();
                    } catch (RuntimeException e) {
                        log.warn("Could not refresh the identity provider's keys ({}); keeping the {} known",
                                e.getMessage(), keys.size());
                    }
                }
            }
        }
        return keys.get(keyId);
    }

    private synchronized void refresh() {
        attemptedAt = clock.instant();
        Map<String, PublicJwk<?>> loaded = parse(read());
        keys = Map.copyOf(loaded);
        fetchedAt = attemptedAt;
        log.debug("Loaded {} signing keys: {}", loaded.size(), loaded.keySet());
    }

    private String read() {
        if (settings.file() != null) {
            try {
                return Files.readString(settings.file());
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read gream.auth.jwks.file " + settings.file() + ": " + e);
            }
        }
        URI url = settings.url();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(settings.timeout())
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalArgumentException("the JWKS at " + url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot fetch the JWKS at " + url + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("interrupted while fetching the JWKS at " + url);
        }
    }

    /** @throws IllegalStateException when the set holds a key that could sign (private or secret) */
    private static Map<String, PublicJwk<?>> parse(String json) {
        JwkSet set = Jwks.setParser().build().parse(json);
        Map<String, PublicJwk<?>> byId = new HashMap<>();
        for (Jwk<?> jwk : set.getKeys()) {
            if (!(jwk instanceof PublicJwk<?> publicJwk)) {
                throw new IllegalStateException("the JWKS holds a private or secret key (" + jwk.getType() + " "
                        + jwk.getId() + "); give services the identity provider's public keys only");
            }
            if (publicJwk.getId() == null || publicJwk.getId().isBlank()) {
                log.warn("Ignoring a {} key without a kid: tokens name their key by kid", publicJwk.getType());
                continue;
            }
            byId.put(publicJwk.getId(), publicJwk);
        }
        return byId;
    }

    private static boolean fits(String algorithm, PublicKey key) {
        if (algorithm.startsWith("RS") || algorithm.startsWith("PS")) {
            return key instanceof RSAPublicKey;
        }
        if (algorithm.startsWith("ES")) {
            return key instanceof ECPublicKey;
        }
        if (algorithm.equals("EdDSA")) {
            return Set.of("EdDSA", "Ed25519", "Ed448").contains(key.getAlgorithm());
        }
        return false;
    }

    private boolean expired(PublicJwk<?> jwk) {
        Object exp = jwk.get("exp");
        if (exp == null) {
            return false;
        }
        long seconds = exp instanceof Number number ? number.longValue() : Long.parseLong(exp.toString());
        return !clock.instant().isBefore(Instant.ofEpochSecond(seconds));
    }
}
