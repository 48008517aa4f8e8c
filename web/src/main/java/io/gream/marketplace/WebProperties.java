package io.gream.marketplace;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gream.web.*}: what the page needs to know about where it runs.
 *
 * @param notificationsUrl base URL of the notifier's public API as the browser reaches it; empty when the same
 *                         origin routes {@code /api/notifications} to the notifier (nginx in the deployment). Another
 *                         origin must allow this one (the notifier's {@code gream.notifier.cors.allowed-origins}).
 * @param location         where the page's files are read from: the jar by default; a {@code file:} directory
 *                         (ending in {@code /}) serves the sources while editing them, reloaded on every request
 */
@ConfigurationProperties("gream.web")
public record WebProperties(@DefaultValue("") String notificationsUrl,
                            @DefaultValue("classpath:/gream-web/") String location) {

    public WebProperties {
        notificationsUrl = notificationsUrl == null ? "" : notificationsUrl.strip().replaceAll("/+$", "");
        if (location == null || !location.endsWith("/")) {
            throw new IllegalArgumentException("gream.web.location must be a directory ending in '/'");
        }
    }
}
