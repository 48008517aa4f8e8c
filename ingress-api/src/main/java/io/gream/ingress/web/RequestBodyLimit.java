package io.gream.ingress.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code gream.ingress.max-body-size}: the largest request body accepted. Every request of this API fits in well
 * under 1 KiB; the limit keeps a client from making the service buffer or parse megabytes.
 */
@ConfigurationProperties("gream.ingress")
record RequestBodyLimit(@DefaultValue("8KB") DataSize maxBodySize) {

    RequestBodyLimit {
        if (maxBodySize.toBytes() <= 0 || maxBodySize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("gream.ingress.max-body-size must be positive: " + maxBodySize);
        }
    }
}
