package io.gream.notifier.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * {@code gream.notifier.cors.*}: web pages of other origins that may call the notifier's API from a browser.
 *
 * @param allowedOrigins exact origins such as {@code http://localhost:8080}; empty (the default) allows none, which
 *                       is right when one origin routes {@code /api/notifications} to the notifier (the deployment's
 *                       nginx)
 */
@ConfigurationProperties("gream.notifier.cors")
record CorsProperties(@DefaultValue List<String> allowedOrigins) {

    CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
        if (allowedOrigins.contains("*")) {
            throw new IllegalArgumentException("gream.notifier.cors.allowed-origins must list origins, not '*'");
        }
    }
}
