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
 */
@ConfigurationProperties("gream.settlement")
public record SettlementProperties(String currency, int feeBasisPoints, String groupId, int concurrency,
                                   Duration publishTimeout, Redelivery redelivery, TopicSettings topics) {

    public record Redelivery(Duration initialBackoff, Duration maxBackoff) {
    }

    public record TopicSettings(int partitions, short replicationFactor, int minInsyncReplicas) {
    }
}
