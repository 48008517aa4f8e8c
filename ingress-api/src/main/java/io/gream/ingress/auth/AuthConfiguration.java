package io.gream.ingress.auth;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import javax.crypto.SecretKey;
import java.time.Clock;
import java.util.List;

/** Wires token verification into Spring MVC. Startup fails here if the HMAC secret is missing or too short. */
@Configuration(proxyBeanMethods = false)
class AuthConfiguration implements WebMvcConfigurer {

    /** Runs first among the API's interceptors: nothing else may act for an unknown caller. */
    static final int INTERCEPTOR_ORDER = 0;

    private final TokenVerifier verifier;

    AuthConfiguration(AuthProperties properties, Clock clock) {
        SecretKey key = HmacKeys.fromBase64(properties.hmacSecret());
        this.verifier = new TokenVerifier(key, properties.issuer(), properties.audience(), properties.clockSkew(),
                clock);
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
