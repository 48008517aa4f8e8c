package io.gream.ingress.tail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Locale;

/**
 * {@code gream.ingress.tail.*}: how the ingress reads the engine's decisions.
 *
 * @param isolationLevel     {@code read_uncommitted} (the default) sees a decision as soon as the engine wrote it;
 *                           {@code read_committed} only once the engine's transaction committed, up to its
 *                           {@code commit.interval.ms} later. Why an uncommitted decision is final:
 *                           docs/reliability.md
 * @param rememberedOutcomes most command outcomes kept in memory after they were read, so a retry or a
 *                           {@code GET} of the outcome is answered without asking the engine
 * @param rememberFor        how long an outcome is kept
 */
@ConfigurationProperties("gream.ingress.tail")
public record TailProperties(
        @DefaultValue("read_uncommitted") String isolationLevel,
        @DefaultValue("20000") int rememberedOutcomes,
        @DefaultValue("2m") Duration rememberFor) {

    public TailProperties {
        isolationLevel = isolationLevel.toLowerCase(Locale.ROOT);
        if (!isolationLevel.equals("read_uncommitted") && !isolationLevel.equals("read_committed")) {
            throw new IllegalArgumentException("gream.ingress.tail.isolation-level must be read_uncommitted or"
                    + " read_committed, not " + isolationLevel);
        }
        if (rememberedOutcomes < 0 || rememberFor.isNegative()) {
            throw new IllegalArgumentException("gream.ingress.tail: remembered-outcomes and remember-for must not"
                    + " be negative");
        }
    }
}
