package io.gream.settlement.worker;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code gream.settlement.*}: the worker's own settings. Defaults and their reasons are in
 * {@code settlement-worker.yml}.
 *
 * @param currency        ISO 4217 code of every price (the engine's prices carry none; Gream sells in KRW)
 * @param feeBasisPoints  the platform fee, in 1/100 of a percent of the price
 * @param groupId         the consumer group all replicas share
 * @param concurrency     consumers per replica
 * @param publishTimeout  how long to wait for the broker to acknowledge a settlement event
 * @param redelivery      backoff between attempts at a record that failed for a transient reason (never skipped)
 * @param pending         how a sale that could not be charged yet is tried again, and for how long
 * @param reconciliation  when the gateway's record is compared with the ledger
 */
@ConfigurationProperties("gream.settlement")
public record SettlementProperties(String currency, int feeBasisPoints, String groupId, int concurrency,
                                   Duration publishTimeout, Redelivery redelivery, TopicSettings topics,
                                   Pending pending, Reconciliation reconciliation) {

    public record Redelivery(Duration initialBackoff, Duration maxBackoff) {
    }

    /**
     * @param deadline       how long a sale may stay pending through outages, from when the worker first saw it
     * @param initialBackoff wait before the first retry; doubles ({@code multiplier}) up to {@code maxBackoff}
     * @param pollInterval   how often each replica looks for due retries
     * @param batchSize      most retries one poll starts
     */
    public record Pending(Duration deadline, Duration initialBackoff, double multiplier, Duration maxBackoff,
                          Duration pollInterval, int batchSize) {
    }

    /**
     * @param interval       how often, and how long a window, the scheduled reconciliation covers
     * @param delay          how far behind now a scheduled window ends, so settlements in flight are recorded first
     * @param margin         how far around the window either side is searched for a match (the two clocks differ)
     * @param lockAtMostFor  how long a replica that died while reconciling keeps the others waiting
     * @param pollInterval   how often each replica checks whether the last window is reconciled yet
     */
    public record Reconciliation(Duration interval, Duration delay, Duration margin, Duration lockAtMostFor,
                                 Duration pollInterval) {
    }

    public record TopicSettings(int partitions, short replicationFactor, int minInsyncReplicas) {
    }
}
