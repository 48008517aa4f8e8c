package io.gream.settlement.secondchance;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code gream.settlement.second-chance.*}. Defaults and their reasons are in {@code settlement-worker.yml}.
 *
 * @param offerWindow  how long the runner-up has to answer, from the offer command's broker time
 * @param expiryGrace  how long after an offer's end the expirer waits, so an answer sent in time but still in flight
 *                     is decided first
 * @param pollInterval how often each replica looks for offers to expire and events to publish again
 * @param batchSize    most offers one poll handles
 */
@ConfigurationProperties("gream.settlement.second-chance")
public record SecondChanceProperties(Duration offerWindow, Duration expiryGrace, Duration pollInterval,
                                     int batchSize) {
}
