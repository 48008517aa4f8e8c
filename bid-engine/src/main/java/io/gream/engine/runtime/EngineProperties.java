package io.gream.engine.runtime;

import io.gream.engine.auction.RuleLimits;
import io.gream.engine.topology.BidEngineConfig;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The engine's own settings ({@code gream.engine.*}); Kafka Streams settings live under
 * {@code spring.kafka.streams.*}.
 *
 * @param tickInterval            how often each partition's clock is advanced; bounds close lag on idle partitions
 * @param decidedCommandRetention how long after an auction ends a retried command still gets its original outcome
 * @param maxAmount               highest price or bid accepted (minor units)
 * @param maxAuctionDuration      longest an auction may run
 * @param topics                  how the engine creates the topics it reads and writes, when they are missing
 * @param internalToken           required in {@code X-Gream-Internal-Token} on every request to the engine's own
 *                                handlers (the query API); at least 16 characters, shared with the ingress
 */
@ConfigurationProperties("gream.engine")
@Validated
public record EngineProperties(
        @NotNull @DefaultValue("200ms") Duration tickInterval,
        @NotNull @DefaultValue("24h") Duration decidedCommandRetention,
        @Min(1) @DefaultValue("1000000000") long maxAmount,
        @NotNull @DefaultValue("30d") Duration maxAuctionDuration,
        @NotNull @DefaultValue TopicSettings topics,
        @NotBlank(message = "set gream.engine.internal-token (GREAM_ENGINE_INTERNAL_TOKEN): the query API is closed"
                + " without it") @Size(min = 16) String internalToken) {

    /**
     * @param partitions        partitions of every Gream topic; the unit of parallelism, fixed once created
     * @param replicationFactor copies of every partition: 3 in a cluster, 1 for a single local broker
     * @param minInsyncReplicas copies that must have a write before it is acknowledged ({@code acks=all})
     */
    public record TopicSettings(
            @Min(1) @DefaultValue("12") int partitions,
            @Min(1) @Max(32767) @DefaultValue("3") int replicationFactor,
            @Min(1) @DefaultValue("2") int minInsyncReplicas) {
    }

    BidEngineConfig toConfig() {
        return new BidEngineConfig(new RuleLimits(maxAmount, maxAuctionDuration), tickInterval,
                decidedCommandRetention);
    }
}
