package io.gream.ingress.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the rate limit right after authentication (which has order 0). */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration implements WebMvcConfigurer {

    private final RateLimitInterceptor interceptor;

    RateLimitConfiguration(RateLimitProperties properties, MeterRegistry meters) {
        Counter limited = Counter.builder("gream.ingress.rate.limited")
                .description("Requests refused with 429 because their user exceeded the rate limit")
                .register(meters);
        this.interceptor = new RateLimitInterceptor(new UserRateLimits(properties), limited);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(interceptor).addPathPatterns("/api/**").order(1);
    }
}
