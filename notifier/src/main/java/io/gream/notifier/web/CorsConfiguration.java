package io.gream.notifier.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets the marketplace page, served by the ingress on another origin (another port on one machine), read the inbox
 * and its stream with the user's bearer token. The token travels in the {@code Authorization} header, never in a
 * cookie, so no credentials mode is needed and a page from a listed origin can do only what its user's token allows.
 *
 * <p>Only the inbox is opened to other origins; webhook registration stays same-origin.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfiguration implements WebMvcConfigurer {

    private final CorsProperties properties;

    CorsConfiguration(CorsProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        if (properties.allowedOrigins().isEmpty()) {
            return;
        }
        registry.addMapping("/api/notifications/**")
                .allowedOrigins(properties.allowedOrigins().toArray(String[]::new))
                .allowedMethods("GET", "POST")
                .allowedHeaders(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT, "Last-Event-ID")
                .maxAge(600);
        registry.addMapping("/api/notifications")
                .allowedOrigins(properties.allowedOrigins().toArray(String[]::new))
                .allowedMethods("GET")
                .allowedHeaders(HttpHeaders.AUTHORIZATION, HttpHeaders.ACCEPT)
                .maxAge(600);
    }
}
