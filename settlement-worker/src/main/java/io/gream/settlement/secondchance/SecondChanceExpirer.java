package io.gream.settlement.secondchance;

import io.gream.settlement.store.SecondChanceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * Runs on every replica, every poll interval: expires the offers nobody answered in time (plus a grace, see
 * {@link SecondChanceProperties#expiryGrace()}), and publishes any offer event a crash left unacknowledged. Several
 * replicas may poll at once: each expiry happens under the offer's row lock and only from OFFERED, and a second
 * publication of an event has the same content as the first.
 */
class SecondChanceExpirer {

    private static final Logger log = LoggerFactory.getLogger(SecondChanceExpirer.class);

    private final SecondChanceStore store;
    private final SecondChances secondChances;
    private final Clock clock;
    private final Duration grace;
    private final int batchSize;

    SecondChanceExpirer(SecondChanceStore store, SecondChances secondChances, Clock clock, Duration grace,
                        int batchSize) {
        this.store = store;
        this.secondChances = secondChances;
        this.clock = clock;
        this.grace = grace;
        this.batchSize = batchSize;
    }

    void poll() {
        try {
            for (String auctionId : store.expireDue(clock.instant(), grace, batchSize)) {
                log.info("Second-chance offer of {} expired", auctionId);
            }
            for (String auctionId : store.unpublished(batchSize)) {
                secondChances.publishDue(auctionId);
            }
        } catch (RuntimeException e) {
            // Database or broker down: the next poll tries again; nothing was lost.
            log.warn("Second-chance poll failed, will try again: {}", e.getMessage());
        }
    }
}
