package io.gream.ingress.tail;

import io.gream.contracts.AuctionEvent;
import io.gream.contracts.CommandOutcome;
import io.gream.contracts.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reads every partition of {@code gream.auction-events} on one thread of its own ({@code assign}, no consumer
 * group, nothing committed) from where each partition ended when the ingress started, and hands each decision to
 * the {@link Listener}s. Each replica reads everything: an outcome is needed wherever its request waits, and a
 * consumer group would give each replica only some partitions.
 *
 * <p>Listeners run on this thread and must only hand work on (complete a future, queue a send). An unreadable
 * record is counted and skipped: the engine is the topic's only writer, and the dead-letter copy is the durable
 * consumers' job, not that of every ingress replica. Partitions added to the topic while the ingress runs are read
 * only after a restart.
 */
public final class AuctionEventTail implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuctionEventTail.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration TOPIC_RETRY = Duration.ofSeconds(1);

    /** Gets each decision the tail reads, in each partition's order. */
    public interface Listener {

        /**
         * @param json           the record's value exactly as on the topic
         * @param appendedMillis the record's timestamp: for a command's outcome, the time the broker appended the
         *                       command
         */
        void onEvent(AuctionEvent event, byte[] json, long appendedMillis);
    }

    private final ConsumerFactory<String, byte[]> consumers;
    private final List<Listener> listeners;
    private final Clock clock;
    private final Deserializer<AuctionEvent> events = Topics.AUCTION_EVENTS.valueSerde().deserializer();
    private final Counter unreadable;
    private final Timer outcomeDelay;
    private final CountDownLatch positioned = new CountDownLatch(1);
    private volatile boolean running;
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;

    /**
     * @param meters gets {@code gream.ingress.tail.unreadable} (records skipped) and
     *               {@code gream.ingress.tail.outcome.delay}: from a command's append to its outcome read here
     *               (both clocks are the brokers' and this machine's; skew between them shows up in it)
     */
    AuctionEventTail(ConsumerFactory<String, byte[]> consumers, List<Listener> listeners, Clock clock,
                     MeterRegistry meters) {
        this.consumers = consumers;
        this.listeners = List.copyOf(listeners);
        this.clock = clock;
        this.unreadable = Counter.builder("gream.ingress.tail.unreadable")
                .description("Records of gream.auction-events the ingress could not read, skipped")
                .register(meters);
        this.outcomeDelay = Timer.builder("gream.ingress.tail.outcome.delay")
                .description("From a command's append to the broker to its outcome read by this replica's tail")
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .register(meters);
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, "auction-event-tail");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether the tail knows where every partition ends, so every decision from now on reaches the listeners. */
    public boolean awaitPositioned(Duration timeout) throws InterruptedException {
        return positioned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        try (Consumer<String, byte[]> reader = consumers.createConsumer()) {
            consumer = reader;
            if (!running) {
                return;
            }
            List<TopicPartition> partitions = partitions(reader);
            reader.assign(partitions);
            reader.seekToEnd(partitions);
            partitions.forEach(reader::position); // resolve the end now, not at the first poll
            positioned.countDown();
            log.info("Tailing {} partitions of {} from their end", partitions.size(), Topics.AUCTION_EVENTS.name());
            while (running) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(POLL)) {
                    handle(record);
                }
            }
        } catch (WakeupException | InterruptedException e) {
            // stopping
        } catch (RuntimeException e) {
            // Not expected (the consumer retries broker outages by itself): leave a trace and keep the replica up;
            // waiting requests then fall back to asking the engine.
            log.error("The tail of {} stopped", Topics.AUCTION_EVENTS.name(), e);
        } finally {
            consumer = null;
        }
    }

    /** The topic's partitions, waiting for the topic to exist (the engine creates it). */
    private List<TopicPartition> partitions(Consumer<String, byte[]> reader) throws InterruptedException {
        while (running) {
            List<PartitionInfo> infos;
            try {
                infos = reader.partitionsFor(Topics.AUCTION_EVENTS.name(), TOPIC_RETRY.multipliedBy(10));
            } catch (TimeoutException e) {
                log.warn("No broker answered for {}; asking again", Topics.AUCTION_EVENTS.name());
                continue;
            }
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            }
            log.info("{} does not exist yet; looking again in {}", Topics.AUCTION_EVENTS.name(), TOPIC_RETRY);
            Thread.sleep(TOPIC_RETRY.toMillis());
        }
        throw new InterruptedException("stopped before the topic existed");
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        AuctionEvent event;
        try {
            event = events.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            unreadable.increment();
            log.warn("Skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.toString());
            return;
        }
        if (event == null) {
            unreadable.increment();
            return;
        }
        if (event instanceof CommandOutcome) {
            outcomeDelay.record(Math.max(0, clock.millis() - record.timestamp()), TimeUnit.MILLISECONDS);
        }
        for (Listener listener : listeners) {
            try {
                listener.onEvent(event, record.value(), record.timestamp());
            } catch (RuntimeException e) {
                log.warn("A listener failed on {}; going on", event.eventId(), e);
            }
        }
    }
}
