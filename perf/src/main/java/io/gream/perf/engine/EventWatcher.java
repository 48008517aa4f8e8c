package io.gream.perf.engine;

import io.gream.contracts.AuctionEvent;
import io.gream.contracts.Topics;
import io.gream.perf.load.PerfClock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;

import java.time.Duration;

/**
 * Reads {@code gream.auction-events} with {@code read_committed} from its end, on a thread of its own, and hands
 * every event with the time it became visible here to the current listener. An event is visible to this consumer
 * only once the engine's transaction that wrote it has committed, which is what a client of Gream sees.
 */
public final class EventWatcher implements AutoCloseable {

    /** Receives each event with the {@link PerfClock} time it was polled. */
    @FunctionalInterface
    public interface Listener {
        void on(AuctionEvent event, long visibleMicros);
    }

    private final KafkaConsumer<String, AuctionEvent> consumer;
    private final Thread thread;
    private volatile Listener listener = (e, t) -> { };
    private volatile boolean running = true;

    public EventWatcher(KafkaClients clients) {
        consumer = clients.readCommittedConsumer(Topics.AUCTION_EVENTS.valueSerde().deserializer());
        var partitions = KafkaClients.partitions(consumer, Topics.AUCTION_EVENTS.name());
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before any phase produces
        thread = new Thread(this::poll, "perf-event-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    public void listen(Listener next) {
        listener = next;
    }

    private void poll() {
        try {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(100));
                long now = PerfClock.nowMicros();
                Listener current = listener;
                for (ConsumerRecord<String, AuctionEvent> record : records) {
                    if (record.value() != null) {
                        current.on(record.value(), now);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
