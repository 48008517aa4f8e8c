package io.gream.support.ratelimit;

import io.gream.auth.AuthConfiguration;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SocketOptions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.ArrayList;
import java.util.List;

/**
 * Registers the rate limit on {@code /api/**} right after authentication: per user, and per client address for
 * requests without a token. With {@code redis-url} the allowances are shared by every replica through Redis, each
 * backed by this replica's own for when Redis is away; without it, each replica limits in its memory.
 *
 * <p>A service opts in with {@code @Import} and a {@link RateLimitScope} bean naming it, whose settings
 * ({@code gream.<service>.rate-limit.*}) this binds. It needs a {@link MeterRegistry} and the service's
 * {@link AuthConfiguration}: without the acting user, every request would count as anonymous.
 */
@Configuration(proxyBeanMethods = false)
public class RateLimitConfiguration implements WebMvcConfigurer, DisposableBean {

    /** Right after the token is verified, before anything reads the body. */
    static final int INTERCEPTOR_ORDER = AuthConfiguration.INTERCEPTOR_ORDER + 1;

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    private final RateLimitInterceptor interceptor;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    public RateLimitConfiguration(RateLimitScope scope, Environment environment, MeterRegistry meters) {
        RateLimitProperties properties = Binder.get(environment)
                .bindOrCreate(scope.propertiesPrefix(), RateLimitProperties.class);
        Counter limited = Counter.builder(scope.meterName("limited"))
                .description("Requests refused with 429 because their user or client address exceeded the rate limit")
                .register(meters);
        RateLimits users = new LocalRateLimits(properties.requestsPerPeriod(), properties.period(),
                properties.maxTrackedUsers());
        RateLimits addresses = new LocalRateLimits(properties.anonymousRequestsPerPeriod(), properties.period(),
                properties.maxTrackedUsers());
        if (!properties.redisUrl().isBlank()) {
            Counter unavailable = Counter.builder(scope.meterName("redis-unavailable"))
                    .description("Requests limited by this replica alone because Redis did not answer in time")
                    .register(meters);
            RedisClient redis = RedisClient.create(properties.redisUrl());
            // A connection attempt waits at most five request timeouts, and is made at most every 5 s while Redis is
            // away, so requests never queue long behind it.
            redis.setOptions(ClientOptions.builder().socketOptions(SocketOptions.builder()
                    .connectTimeout(properties.redisTimeout().multipliedBy(5)).build()).build());
            SharedRateLimits sharedUsers = new SharedRateLimits(redis, scope.redisKeyPrefix("user"),
                    properties.requestsPerPeriod(), properties.period(), properties.redisTimeout(), users, unavailable);
            SharedRateLimits sharedAddresses = new SharedRateLimits(redis, scope.redisKeyPrefix("address"),
                    properties.anonymousRequestsPerPeriod(), properties.period(), properties.redisTimeout(), addresses,
                    unavailable);
            closeables.add(sharedUsers);
            closeables.add(sharedAddresses);
            closeables.add(redis::shutdown);
            users = sharedUsers;
            addresses = sharedAddresses;
            log.info("Rate limits of the {} are shared by every replica through Redis", scope.service());
        }
        this.interceptor = new RateLimitInterceptor(users, addresses, limited);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(interceptor).addPathPatterns("/api/**").order(INTERCEPTOR_ORDER);
    }

    @Override
    public void destroy() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
    }
}
