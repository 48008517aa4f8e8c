package io.gream.support.ratelimit;

/**
 * Which service's requests {@link RateLimitConfiguration} limits: a service that imports it declares one as a bean.
 * The name keeps each service's limits its own, also where services share a JVM (the local stack) or a Redis: it
 * names the settings ({@code gream.<service>.rate-limit.*}), the keys in Redis ({@code gream:<service>:user:...},
 * {@code gream:<service>:address:...}) and the meters ({@code gream.<service>.rate.limited},
 * {@code gream.<service>.rate.redis-unavailable}).
 *
 * <p>It does not choose the limits themselves; those are the settings it names.
 *
 * @param service a lower-case name such as {@code ingress} or {@code notifier}
 */
public record RateLimitScope(String service) {

    public RateLimitScope {
        if (service == null || !service.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("a rate-limit scope is a lower-case service name, not " + service);
        }
    }

    /** Where the settings are read from, e.g. {@code gream.notifier.rate-limit}. */
    String propertiesPrefix() {
        return "gream." + service + ".rate-limit";
    }

    /** Namespaces this service's allowances in Redis, e.g. {@code gream:notifier:user:}. */
    String redisKeyPrefix(String kind) {
        return "gream:" + service + ":" + kind + ":";
    }

    /** A meter of this service, e.g. {@code gream.notifier.rate.limited}. */
    String meterName(String suffix) {
        return "gream." + service + ".rate." + suffix;
    }
}
