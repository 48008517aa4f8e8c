package io.gream.ingress.commandlog;

import io.gream.contracts.AuctionCommand;
import io.gream.contracts.CommandLogEntry;
import io.gream.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Answers "was this command ever written?" for a command id nobody has an outcome for, so that an id that was never
 * sent gets {@code 404} while one still waiting in the log stays pending.
 *
 * <p>A command id is known to a client only from an answer the ingress gave after the broker acknowledged the
 * command ({@code acks=all}), so an acknowledged command lies below the partition's high watermark. The search
 * reads, in this order, that end of the auction's partition ({@link #window}) and the engine's committed position
 * in it: everything below the position has been decided, and its outcome is in the engine's decided-command store
 * (committed in the same transaction). The caller then asks the engine for the outcome; if it has none, the command
 * is either between the position and the end ({@link #contains}, a read of those records) or was never written
 * before the question. No grace period is involved: the answer follows from the log, whatever the engine's lag.
 *
 * <p>Limits: when the engine lags more than {@code max-records} behind, or the broker does not answer in time, the
 * search cannot tell, and the command stays pending. Reads run one at a time on one consumer; a search that cannot
 * be queued is likewise answered "cannot tell".
 */
public final class CommandLogSearch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CommandLogSearch.class);
    private static final Duration POLL = Duration.ofMillis(100);

    /** What a read of the window found. */
    public enum Found {
        /** The command is in the window: written, not decided yet. */
        ON_ITS_WAY,
        /** The window holds no such command: it was never written before the window was taken. */
        NOT_WRITTEN,
        /** The window could not be read (too long, or no answer in time). */
        CANNOT_TELL
    }

    /**
     * The records of one partition not yet decided when the window was taken: from the engine's committed position
     * (inclusive) to the partition's end (exclusive).
     */
    public record Window(TopicPartition partition, long from, long to) {
    }

    private final Admin admin;
    private final Supplier<Consumer<String, byte[]>> consumers;
    private final ExecutorService reader;
    private final CommandLogSearchProperties properties;
    private final Deserializer<CommandLogEntry> entries = Topics.AUCTION_COMMANDS.valueSerde().deserializer();
    private volatile Integer partitions;
    private Consumer<String, byte[]> consumer;

    /**
     * @param consumers makes the one consumer the reads use (no group, {@code read_uncommitted}, no offset reset)
     * @param reader    a single thread with a bounded queue, where every read of the log happens
     */
    CommandLogSearch(Admin admin, Supplier<Consumer<String, byte[]>> consumers, ExecutorService reader,
                     CommandLogSearchProperties properties) {
        this.admin = admin;
        this.consumers = consumers;
        this.reader = reader;
        this.properties = properties;
    }

    /**
     * The auction's partition from the engine's committed position to its current end. Take it before asking the
     * engine for the outcome: an outcome the engine has not got then was not decided below the position.
     */
    public CompletableFuture<Window> window(String auctionId) {
        return partitionOf(auctionId).thenCompose(partition -> {
            long timeoutMs = properties.timeout().toMillis();
            CompletableFuture<Long> end = admin.listOffsets(Map.of(partition, OffsetSpec.latest()),
                            new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED).timeoutMs((int) timeoutMs))
                    .partitionResult(partition).toCompletionStage().toCompletableFuture()
                    .thenApply(info -> info.offset());
            // The position is read after the end: a position past that end only shortens the window.
            return end.thenCompose(to -> admin.listConsumerGroupOffsets(Map.of(properties.engineApplicationId(),
                                    new ListConsumerGroupOffsetsSpec().topicPartitions(List.of(partition))))
                    .partitionsToOffsetAndMetadata(properties.engineApplicationId())
                    .toCompletionStage().toCompletableFuture()
                    .thenApply(committed -> {
                        OffsetAndMetadata position = committed.get(partition);
                        // No position: the engine has decided nothing on this partition yet.
                        return new Window(partition, position == null ? 0 : position.offset(), to);
                    }));
        }).orTimeout(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the command is among the window's records; never completes exceptionally. */
    public CompletableFuture<Found> contains(Window window, String auctionId, String commandId) {
        if (window.from() >= window.to()) {
            return CompletableFuture.completedFuture(Found.NOT_WRITTEN);
        }
        if (window.to() - window.from() > properties.maxRecords()) {
            return CompletableFuture.completedFuture(Found.CANNOT_TELL);
        }
        try {
            return CompletableFuture.supplyAsync(() -> read(window, auctionId, commandId), reader);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(Found.CANNOT_TELL);
        }
    }

    private Found read(Window window, String auctionId, String commandId) {
        try {
            if (consumer == null) {
                consumer = consumers.get();
            }
            consumer.assign(List.of(window.partition()));
            consumer.seek(window.partition(), window.from());
            long deadline = System.nanoTime() + properties.timeout().toNanos();
            while (consumer.position(window.partition()) < window.to()) {
                if (System.nanoTime() > deadline) {
                    return Found.CANNOT_TELL;
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() < window.to() && auctionId.equals(record.key())
                            && isCommand(record, commandId)) {
                        return Found.ON_ITS_WAY;
                    }
                }
            }
            return Found.NOT_WRITTEN;
        } catch (KafkaException e) {
            log.debug("Could not read {} from {} to {}: {}", window.partition(), window.from(), window.to(),
                    e.toString());
            return Found.CANNOT_TELL;
        }
    }

    private boolean isCommand(ConsumerRecord<String, byte[]> record, String commandId) {
        try {
            return entries.deserialize(record.topic(), record.value()) instanceof AuctionCommand command
                    && commandId.equals(command.commandId());
        } catch (RuntimeException e) {
            return false; // not a command anyone could have been told about
        }
    }

    /** The partition the producer's default partitioner chose for the auction's records. */
    private CompletableFuture<TopicPartition> partitionOf(String auctionId) {
        CompletableFuture<Integer> count = partitions != null ? CompletableFuture.completedFuture(partitions)
                : admin.describeTopics(List.of(Topics.AUCTION_COMMANDS.name())).allTopicNames()
                .toCompletionStage().toCompletableFuture()
                .thenApply(topics -> partitions = topics.get(Topics.AUCTION_COMMANDS.name()).partitions().size());
        byte[] key = auctionId.getBytes(StandardCharsets.UTF_8);
        return count.thenApply(n -> new TopicPartition(Topics.AUCTION_COMMANDS.name(),
                Utils.toPositive(Utils.murmur2(key)) % n));
    }

    @Override
    public void close() {
        reader.shutdownNow();
        try {
            if (reader.awaitTermination(5, TimeUnit.SECONDS) && consumer != null) {
                consumer.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close(Duration.ofSeconds(5));
    }
}
