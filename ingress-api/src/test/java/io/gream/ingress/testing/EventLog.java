package io.gream.ingress.testing;

import io.gream.contracts.AuctionCommand;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.CommandLogEntry;
import io.gream.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Plays the engine's writing side on the real broker: appends decisions to {@code gream.auction-events} as the
 * engine would, either when a test says so ({@link #append}) or in answer to commands as they arrive on
 * {@code gream.auction-commands} ({@link #onCommand}, read {@code read_committed} on a thread of its own, from the
 * topic's end when first used). The ingress's tail reads these records exactly as it reads the engine's.
 */
public final class EventLog implements AutoCloseable {

    private static EventLog shared;

    private final KafkaProducer<String, AuctionEvent> producer;
    private final KafkaConsumer<String, CommandLogEntry> commands;
    private final Map<String, Function<String, AuctionEvent>> deciders = new ConcurrentHashMap<>();
    private final Set<String> decided = ConcurrentHashMap.newKeySet();
    private final Thread follower;
    private final CountDownLatch positioned = new CountDownLatch(1);
    private volatile boolean running = true;

    private EventLog() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestBroker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"),
                Topics.AUCTION_EVENTS.keySerde().serializer(), Topics.AUCTION_EVENTS.valueSerde().serializer());
        commands = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestBroker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                Topics.AUCTION_COMMANDS.keySerde().deserializer(), Topics.AUCTION_COMMANDS.valueSerde().deserializer());
        follower = new Thread(this::follow, "event-log-follower");
        follower.setDaemon(true);
        follower.start();
        try {
            positioned.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The one every test class shares; started on first use. */
    public static synchronized EventLog shared() {
        if (shared == null) {
            shared = new EventLog();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "event-log-close"));
        }
        return shared;
    }

    /** Appends the events, in order, and returns once the broker acknowledged them. */
    public void append(AuctionEvent... events) {
        try {
            for (AuctionEvent event : events) {
                producer.send(new ProducerRecord<>(Topics.AUCTION_EVENTS.name(), event.auctionId(), event)).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * From now on, answers each command for {@code auctionId} read from the command topic with the outcome
     * {@code decide} gives for its command id. As the engine does, a repeated command id gets nothing new: its
     * outcome was published once.
     */
    public void onCommand(String auctionId, Function<String, AuctionEvent> decide) {
        deciders.put(auctionId, decide);
    }

    private void follow() {
        try {
            List<TopicPartition> partitions = IntStream.range(0, TestBroker.PARTITIONS)
                    .mapToObj(p -> new TopicPartition(Topics.AUCTION_COMMANDS.name(), p)).toList();
            commands.assign(partitions);
            commands.seekToEnd(partitions);
            partitions.forEach(commands::position);
            positioned.countDown();
            while (running) {
                for (ConsumerRecord<String, CommandLogEntry> record : commands.poll(Duration.ofMillis(200))) {
                    if (record.value() instanceof AuctionCommand command) {
                        var decide = deciders.get(command.auctionId());
                        if (decide != null && decided.add(command.auctionId() + "/" + command.commandId())) {
                            append(decide.apply(command.commandId()));
                        }
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            positioned.countDown();
            commands.close();
        }
    }

    @Override
    public void close() {
        running = false;
        commands.wakeup();
        producer.close();
    }
}
