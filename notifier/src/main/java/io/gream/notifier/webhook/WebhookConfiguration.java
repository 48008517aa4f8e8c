package io.gream.notifier.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The destination guard, configured from {@code gream.notifier.webhooks.*}, with a warning when it is relaxed. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebhookConfiguration.class);

    @Bean
    DestinationGuard destinationGuard(WebhookProperties properties) {
        if (properties.allowPrivateAddresses() || !properties.requireHttps()) {
            log.warn("Webhooks may call private/loopback addresses ({}) or plain http ({}): for local development"
                    + " only", properties.allowPrivateAddresses(), !properties.requireHttps());
        }
        return new DestinationGuard(properties.allowPrivateAddresses(), properties.requireHttps());
    }
}
