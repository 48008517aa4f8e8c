package io.gream.ingress.testing;

import io.gream.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Plays the engine's progress through {@code gream.auction-commands}: sets the committed positions of its consumer
 * group ({@code gream-bid-engine}, the ingress's default) on the shared broker, as a running engine commits them
 * with its decisions.
 */
public final class EnginePosition {

    public static final String ENGINE_GROUP = "gream-bid-engine";

    private EnginePosition() {
    }

    /** The engine has decided every command written so far, on every partition. */
    public static void caughtUp() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestBroker.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> partitions = IntStream.range(0, TestBroker.PARTITIONS)
                    .mapToObj(p -> new TopicPartition(Topics.AUCTION_COMMANDS.name(), p))
                    .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(partitions).all()
                    .get(30, TimeUnit.SECONDS);
            admin.alterConsumerGroupOffsets(ENGINE_GROUP, ends.entrySet().stream().collect(Collectors.toMap(
                    Map.Entry::getKey, end -> new OffsetAndMetadata(end.getValue().offset()))))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not move the engine's positions", e);
        }
    }
}
