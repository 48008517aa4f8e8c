package io.gream.analytics.tap;

import io.gream.contracts.AuctionEvent;
import io.gream.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The smallest correct tap of {@code gream.auction-events}: a plain {@link KafkaConsumer} that reads only committed
 * events, commits after handling (at-least-once), recognises duplicates and gaps with {@link EventSequence}, and
 * steps over a record it cannot read instead of stopping. The code between the {@code tap:} markers is the snippet
 * in {@code docs/taps.md}, checked by a test.
 *
 * <p>It keeps no results and forwards nothing to {@code gream.dead-letters}; a real tap does both.
 */
public final class AuctionEventTap {

    private static final Logger log = LoggerFactory.getLogger(AuctionEventTap.class);

    private final String bootstrapServers;
    private final String groupId;
    private volatile KafkaConsumer<String, AuctionEvent> consumer;

    public AuctionEventTap(String bootstrapServers, String groupId) {
        this.bootstrapServers = bootstrapServers;
        this.groupId = groupId;
    }

    /** Prints every new event; {@code KAFKA_BOOTSTRAP_SERVERS} names the cluster. */
    public static void main(String[] args) {
        AuctionEventTap tap = new AuctionEventTap(
                System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"), "gream-example-tap");
        Runtime.getRuntime().addShutdownHook(new Thread(tap::stop, "tap-shutdown"));
        tap.run(event -> log.info("{}", event));
    }

    /** Reads until {@link #stop()}, handing every event not seen before to {@code handler}. */
    public void run(Consumer<AuctionEvent> handler) {
        // tap:start
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        // The engine writes in exactly-once transactions: see only what it committed, never an aborted decision.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");

        EventSequence sequence = new EventSequence(100_000);
        try (KafkaConsumer<String, AuctionEvent> events = new KafkaConsumer<>(props,
                Topics.AUCTION_EVENTS.keySerde().deserializer(), Topics.AUCTION_EVENTS.valueSerde().deserializer())) {
            consumer = events;
            events.subscribe(List.of(Topics.AUCTION_EVENTS.name()));
            while (true) {
                try {
                    for (ConsumerRecord<String, AuctionEvent> record : events.poll(Duration.ofSeconds(1))) {
                        AuctionEvent event = record.value();
                        switch (sequence.observe(event)) {
                            case NEW -> handler.accept(event);
                            case GAP -> {
                                log.warn("Events of auction {} before {} were never seen", event.auctionId(),
                                        event.eventId());
                                handler.accept(event);
                            }
                            case DUPLICATE -> log.debug("Already handled {}", event.eventId());
                        }
                    }
                    events.commitSync(); // after handling: a crash re-delivers, never loses
                } catch (RecordDeserializationException poison) {
                    // Not an event this tap understands: step over it rather than stop (a real tap would also
                    // copy it to gream.dead-letters).
                    log.error("Skipping unreadable record at {}@{}", poison.topicPartition(), poison.offset(), poison);
                    events.seek(poison.topicPartition(), poison.offset() + 1);
                }
            }
        } catch (WakeupException stopping) {
            // stop() was called
        }
        // tap:end
    }

    /** Makes {@link #run} return; safe to call from another thread. */
    public void stop() {
        KafkaConsumer<String, AuctionEvent> running = consumer;
        if (running != null) {
            running.wakeup();
        }
    }
}
