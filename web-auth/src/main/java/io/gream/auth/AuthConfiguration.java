package io.gream.auth;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import javax.crypto.SecretKey;
import java.time.Clock;
import java.util.List;

/**
 * Wires token verification into Spring MVC for every {@code /api/**} handler that takes an
 * {@link AuthenticatedUser}. Startup fails here if the HMAC secret is missing or too short.
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

    private final TokenVerifier verifier;

    public AuthConfiguration(AuthProperties properties, Clock clock) {
        SecretKey key = HmacKeys.fromBase64(properties.hmacSecret());
        this.verifier = new TokenVerifier(key, properties.issuer(), properties.acceptedAudiencesOrDefault(),
                properties.clockSkew(), clock);
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
