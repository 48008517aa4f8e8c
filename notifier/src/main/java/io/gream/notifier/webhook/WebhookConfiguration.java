package io.gream.notifier.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.InetAddress;
import java.util.Set;

/**
 * The destination guard, configured from {@code gream.notifier.webhooks.*}, with a warning when it is relaxed, and
 * the HTTP client that connects only where the guard allows.
 */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebhookConfiguration.class);

    @Bean
    DestinationGuard destinationGuard(WebhookProperties properties) {
        if (properties.allowPrivateAddresses() || !properties.requireHttps() || properties.allowAnyPort()) {
            log.warn("Webhooks may call private/loopback addresses ({}), plain http ({}) or any port ({}): for local"
                    + " development only", properties.allowPrivateAddresses(), !properties.requireHttps(),
                    properties.allowAnyPort());
        }
        return new DestinationGuard(properties.allowPrivateAddresses(), properties.requireHttps(),
                properties.allowAnyPort() ? Set.of() : properties.allowedPorts(), InetAddress::getAllByName);
    }

    @Bean(destroyMethod = "close")
    WebhookSender webhookSender(DestinationGuard guard, WebhookProperties properties) {
        return new WebhookSender(guard, properties.connectTimeout(), properties.requestTimeout(),
                properties.concurrencyPerEndpoint());
    }
}
