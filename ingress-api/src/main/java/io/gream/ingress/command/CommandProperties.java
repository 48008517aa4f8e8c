package io.gream.ingress.command;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code gream.ingress.commands.*}: how commands are checked, written and waited for.
 *
 * @param ackTimeout         longest a request waits for the broker's acknowledgement before answering {@code 503};
 *                           keep it just above the producer's {@code delivery.timeout.ms}
 * @param defaultWait        how long a command request waits for the engine's decision when the client states no
 *                           {@code Prefer: wait=N}
 * @param maxWait            the most a client may ask to wait; at most 10 s
 * @param maxAmount          highest price or bid accepted, in minor units (the engine's {@code max-amount})
 * @param maxAuctionDuration longest an auction may run (the engine's {@code max-auction-duration})
 * @param maxWaiting         most commands of this replica waiting for the engine's decision at once; a command
 *                           written beyond that is answered {@code 202} (pending) without waiting, so an engine
 *                           slower than the arrival rate cannot pile up waiting requests until memory runs out
 */
@ConfigurationProperties("gream.ingress.commands")
public record CommandProperties(
        @DefaultValue("6s") Duration ackTimeout,
        @DefaultValue("2s") Duration defaultWait,
        @DefaultValue("10s") Duration maxWait,
        @DefaultValue("1000000000") long maxAmount,
        @DefaultValue("30d") Duration maxAuctionDuration,
        @DefaultValue("2000") int maxWaiting) {

    /** The longest wait a client may be offered. */
    public static final Duration ENGINE_MAX_WAIT = Duration.ofSeconds(10);

    public CommandProperties {
        if (ackTimeout.isNegative() || ackTimeout.isZero()) {
            throw new IllegalArgumentException("gream.ingress.commands.ack-timeout must be positive");
        }
        if (maxWait.isNegative() || maxWait.compareTo(ENGINE_MAX_WAIT) > 0) {
            throw new IllegalArgumentException("gream.ingress.commands.max-wait must be in 0s..10s");
        }
        if (defaultWait.isNegative() || defaultWait.compareTo(maxWait) > 0) {
            throw new IllegalArgumentException("gream.ingress.commands.default-wait must be in 0..max-wait");
        }
        if (maxAmount <= 0 || maxAmount > Long.MAX_VALUE / 4) {
            throw new IllegalArgumentException("gream.ingress.commands.max-amount must be in 1..Long.MAX_VALUE/4");
        }
        if (maxAuctionDuration.isNegative() || maxAuctionDuration.isZero()) {
            throw new IllegalArgumentException("gream.ingress.commands.max-auction-duration must be positive");
        }
        if (maxWaiting < 0) {
            throw new IllegalArgumentException("gream.ingress.commands.max-waiting must be 0 or more");
        }
    }
}
