package io.gream.auth;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.util.List;

/**
 * Wires token verification into Spring MVC for every {@code /api/**} handler that takes an
 * {@link AuthenticatedUser}, with the keys {@link #keySource} chooses; startup fails when they are missing or not
 * allowed.
 *
 * <p>Not an auto-configuration on purpose: several Gream services may share one classpath (a local launcher), and
 * only those that {@code @Import} this class require a token. The application must provide a {@link Clock} bean.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
@Import(InvalidTokenHandler.class)
public class AuthConfiguration implements WebMvcConfigurer {

    /** Runs first among the API's interceptors: nothing else may act for an unknown caller. */
    public static final int INTERCEPTOR_ORDER = 0;

    /** The profile under which an HMAC key (one that can also sign tokens) is allowed. */
    public static final String LOCAL_PROFILE = "local";

    private final TokenVerifier verifier;

    public AuthConfiguration(AuthProperties properties, Clock clock, Environment environment) {
        TokenVerifier.Rules rules = TokenVerifier.Rules.of(properties, clock);
        VerifiedTokens verified = new VerifiedTokens(properties.verifiedTokens().maxSize(),
                properties.verifiedTokens().ttl());
        this.verifier = switch (keySource(properties, environment.acceptsProfiles(Profiles.of(LOCAL_PROFILE)))) {
            case IDENTITY_PROVIDER -> TokenVerifier.withPublicKeys(
                    new IdentityProviderKeys(properties.jwks(), clock).load(), rules, verified);
            case LOCAL_HMAC -> TokenVerifier.withHmacKey(HmacKeys.fromBase64(properties.hmacSecret()), rules,
                    verified);
        };
    }

    /** Where the keys that verify tokens come from. */
    public enum KeySource {
        /** The identity provider's public keys (JWKS): the service cannot mint a token. */
        IDENTITY_PROVIDER,
        /** A shared HMAC key, which signs as well as verifies: the local profile only. */
        LOCAL_HMAC
    }

    /**
     * Chooses the key source, refusing a configuration in which the service would hold a key that can mint tokens
     * outside the local profile.
     *
     * @throws IllegalStateException with what to configure instead
     */
    public static KeySource keySource(AuthProperties properties, boolean localProfile) {
        if (properties.hasHmacSecret() && !localProfile) {
            throw new IllegalStateException("gream.auth.hmac-secret is set outside the local profile: an HMAC key"
                    + " can sign tokens for anyone, so services verify the identity provider's public keys instead"
                    + " (gream.auth.jwks.url or gream.auth.jwks.file)");
        }
        if (properties.jwks().configured()) {
            return KeySource.IDENTITY_PROVIDER;
        }
        if (localProfile) {
            return KeySource.LOCAL_HMAC;
        }
        throw new IllegalStateException("no token keys: set gream.auth.jwks.url (GREAM_AUTH_JWKS_URL, the identity"
                + " provider's jwks_uri) or gream.auth.jwks.file (GREAM_AUTH_JWKS_FILE)");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new BearerTokenInterceptor(verifier)).addPathPatterns("/api/**")
                .order(INTERCEPTOR_ORDER);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new AuthenticatedUserArgumentResolver());
    }
}
