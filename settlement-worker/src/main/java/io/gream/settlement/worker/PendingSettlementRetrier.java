package io.gream.settlement.worker;

import io.gream.settlement.store.RefundStore;
import io.gream.settlement.store.SettlementStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings put-off settlements back to the {@link Settler} and put-off refunds back to the {@link Refunder} when they
 * are due (and publishes refunds whose event a crash kept from the broker) (scheduled every
 * {@code gream.settlement.pending.poll-interval} by {@link PendingRetryConfiguration}), and refreshes the pending
 * gauges. Every replica polls: two that pick the same sale take turns on its row lock, and the second finds it
 * settled or looks its charge up, so no leader is needed. Limit: one poll starts at most {@code batch-size} retries,
 * one after the other, so a long outage's backlog drains over several polls.
 */
class PendingSettlementRetrier {

    private static final Logger log = LoggerFactory.getLogger(PendingSettlementRetrier.class);

    private final SettlementStore store;
    private final Settler settler;
    private final RefundStore refunds;
    private final Refunder refunder;
    private final SettlementMetrics metrics;
    private final Clock clock;
    private final int batchSize;

    PendingSettlementRetrier(SettlementStore store, Settler settler, RefundStore refunds, Refunder refunder,
                             SettlementMetrics metrics, Clock clock, int batchSize) {
        this.store = store;
        this.settler = settler;
        this.refunds = refunds;
        this.refunder = refunder;
        this.metrics = metrics;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    void retryDue() {
        try {
            for (String auctionId : store.due(clock.instant(), batchSize)) {
                try {
                    settler.retry(auctionId);
                } catch (RuntimeException e) {
                    // The row is still due (or being settled by someone else): the next poll tries again.
                    log.warn("Retry of settlement {} failed: {}", auctionId, e.getMessage());
                }
            }
            List<String> refundsToTry = new ArrayList<>(refunds.due(clock.instant(), batchSize));
            refundsToTry.addAll(refunds.unpublished(batchSize));
            for (String refundId : refundsToTry) {
                try {
                    refunder.attempt(refundId);
                } catch (RuntimeException e) {
                    log.warn("Retry of refund {} failed: {}", refundId, e.getMessage());
                }
            }
            Instant now = clock.instant();
            metrics.pending(store.pendingSummary(now), now);
        } catch (RuntimeException e) {
            log.warn("Could not look for due settlements: {}", e.getMessage());
        }
    }
}
