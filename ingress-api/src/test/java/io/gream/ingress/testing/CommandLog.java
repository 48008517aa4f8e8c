package io.gream.ingress.testing;

import io.gream.contracts.AuctionCommand;
import io.gream.contracts.CommandLogEntry;
import io.gream.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;

/**
 * Reads {@code gream.auction-commands} from the beginning with {@code isolation.level=read_committed} and the
 * contracts' serde, exactly as the engine does, and answers questions about one auction's records.
 *
 * <p>To show that requests wrote <em>nothing</em>, a test sends a valid "marker" command for the same auction last
 * and reads up to it: every record for one key lands on one partition in the order it was sent, so anything an
 * earlier request had written would come before the marker.
 */
public final class CommandLog implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, CommandLogEntry> consumer;
    private final List<ConsumerRecord<String, CommandLogEntry>> seen = new ArrayList<>();

    public CommandLog() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestBroker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                Topics.AUCTION_COMMANDS.keySerde().deserializer(),
                Topics.AUCTION_COMMANDS.valueSerde().deserializer());
        List<TopicPartition> partitions = IntStream.range(0, TestBroker.PARTITIONS)
                .mapToObj(p -> new TopicPartition(Topics.AUCTION_COMMANDS.name(), p)).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Waits until {@code count} records keyed {@code auctionId} have been read, and returns all read so far. */
    public List<ConsumerRecord<String, CommandLogEntry>> awaitRecords(String auctionId, int count) {
        await().atMost(TIMEOUT).until(() -> {
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
            return recordsFor(auctionId).size() >= count;
        });
        return recordsFor(auctionId);
    }

    /** Every record keyed {@code auctionId} up to and including the one carrying {@code markerCommandId}. */
    public List<ConsumerRecord<String, CommandLogEntry>> recordsUpTo(String auctionId, String markerCommandId) {
        await().atMost(TIMEOUT).until(() -> {
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
            return recordsFor(auctionId).stream().anyMatch(r -> markerCommandId.equals(commandId(r)));
        });
        List<ConsumerRecord<String, CommandLogEntry>> upTo = new ArrayList<>();
        for (ConsumerRecord<String, CommandLogEntry> record : recordsFor(auctionId)) {
            upTo.add(record);
            if (markerCommandId.equals(commandId(record))) {
                break;
            }
        }
        return upTo;
    }

    private List<ConsumerRecord<String, CommandLogEntry>> recordsFor(String auctionId) {
        return seen.stream().filter(r -> auctionId.equals(r.key())).toList();
    }

    private static String commandId(ConsumerRecord<String, CommandLogEntry> record) {
        return record.value() instanceof AuctionCommand command ? command.commandId() : null;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
