package io.gream.ingress.commandlog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code gream.ingress.command-search.*}: how the ingress decides that a command id it is asked about was never
 * written.
 *
 * @param engineApplicationId the engines' {@code spring.kafka.streams.application-id}, whose committed positions in
 *                            {@code gream.auction-commands} say how far the engine has decided
 * @param maxRecords          most records read between the engine's position and the end of the partition; when
 *                            the engine lags further behind, the command may still be on its way and stays
 *                            pending
 * @param timeout             most time for the broker's answers and the read
 */
@ConfigurationProperties("gream.ingress.command-search")
record CommandLogSearchProperties(
        @DefaultValue("gream-bid-engine") String engineApplicationId,
        @DefaultValue("2000") int maxRecords,
        @DefaultValue("2s") Duration timeout) {

    CommandLogSearchProperties {
        if (engineApplicationId.isBlank()) {
            throw new IllegalArgumentException("gream.ingress.command-search.engine-application-id must be set");
        }
        if (maxRecords < 0) {
            throw new IllegalArgumentException("gream.ingress.command-search.max-records must be 0 or more");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("gream.ingress.command-search.timeout must be positive");
        }
    }
}
