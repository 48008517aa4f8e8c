package io.gream.perf.baseline;

import io.gream.perf.engine.KafkaClients;
import io.gream.perf.load.LatencyLog;
import io.gream.perf.load.OpenLoop;
import io.gream.perf.load.PerfClock;
import io.gream.perf.load.Profile;
import io.gream.perf.load.Progress;
import io.gream.perf.report.LatencySummary;
import io.gream.perf.report.Measurement;
import io.gream.perf.workload.BidGenerator;
import io.gream.perf.workload.Workload;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The raw ceiling: the same bid records (same JSON, same keys, same sizes) through the same broker, with the same
 * idempotent {@code acks=all} producer into a {@code LogAppendTime} topic of the same partition count, read back
 * by a {@code read_committed} consumer, and nothing in between. Whatever the engine does costs relative to this.
 * {@link #throughBareStreams} puts a {@link BareStreamsProcessor} in between instead: the floor of any stateful
 * exactly-once processor, measured the same way.
 */
public final class RawKafkaBench implements AutoCloseable {

    private final KafkaClients clients;
    private final Profile profile;
    private final String system;
    private final String topic;
    private final AutoCloseable between;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private final LongAdder consumed = new LongAdder();
    private volatile LatencyLog visible = new LatencyLog(Long.MAX_VALUE);
    private volatile long windowFrom;
    private volatile long windowTo;
    private final LongAdder inWindow = new LongAdder();
    private volatile boolean running = true;

    public RawKafkaBench(KafkaClients clients, Profile profile, String runId, int partitions) {
        this(clients, profile, "raw-kafka", "perf.raw-" + runId, partitions, null, null);
    }

    /** Bids into a topic of their own, through a {@link BareStreamsProcessor}, read from its output topic. */
    public static RawKafkaBench throughBareStreams(KafkaClients clients, Profile profile, String runId,
                                                   int partitions, Path stateDir) {
        String in = "perf.bare-in-" + runId;
        String out = "perf.bare-out-" + runId;
        clients.createLogAppendTimeTopic(in, partitions);
        // CreateTime, so each output record keeps its command's append time and latency is append -> visible
        clients.createTopic(out, partitions, Map.of());
        return new RawKafkaBench(clients, profile, "bare-streams", in, partitions, out,
                new BareStreamsProcessor(clients.bootstrapServers(), "perf-bare-" + runId, in, out, stateDir));
    }

    private RawKafkaBench(KafkaClients clients, Profile profile, String system, String topic, int partitions,
                          String readFrom, AutoCloseable between) {
        this.clients = clients;
        this.profile = profile;
        this.system = system;
        this.topic = topic;
        this.between = between;
        if (between == null) {
            clients.createLogAppendTimeTopic(topic, partitions);
        }
        this.producer = clients.producer();
        this.consumer = clients.readCommittedBytesConsumer();
        var assigned = KafkaClients.partitions(consumer, readFrom == null ? topic : readFrom);
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
        assigned.forEach(consumer::position);
        thread = new Thread(this::poll, "perf-raw-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        try {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(100));
                long now = PerfClock.nowMicros();
                LatencyLog log = visible;
                for (ConsumerRecord<String, byte[]> record : records) {
                    consumed.increment();
                    if (now >= windowFrom && now < windowTo) {
                        inWindow.increment();
                    }
                    log.record(record.timestamp() * 1000, now);
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    public Measurement saturation(Workload workload) {
        BidGenerator generator = new BidGenerator(system + "-sat-" + workload.label(), workload, 11);
        long start = PerfClock.nowMicros();
        long end = start + profile.total().toNanos() / 1000;
        long base = consumed.sum();
        inWindow.reset();
        windowFrom = start + profile.warmup().toNanos() / 1000;
        windowTo = end;
        visible = new LatencyLog(windowFrom);
        AtomicLong sent = new AtomicLong();
        try (Progress progress = new Progress(system + " saturation " + workload.label(), sent::get, visible, 5)) {
            while (PerfClock.nowMicros() < end) {
                if (sent.get() - (consumed.sum() - base) >= profile.maxBacklog()) {
                    LockSupport.parkNanos(200_000);
                    continue;
                }
                producer.send(record(generator));
                sent.incrementAndGet();
            }
            producer.flush();
            awaitConsumed(base + sent.get());
        }
        return new Measurement(system, "saturation", workload.label(), 0,
                inWindow.sum() / (profile.measure().toNanos() / 1e9), LatencySummary.NONE,
                Map.of("recordsSent", sent.get()));
    }

    /** Append time to visible at a fixed rate, to set next to the engine's latency at the same rate. */
    public Measurement latency(Workload workload, double rate) {
        BidGenerator generator = new BidGenerator(system + "-lat", workload, 13);
        long start = PerfClock.nowMicros() + 100_000;
        long base = consumed.sum();
        windowTo = 0;
        visible = new LatencyLog(start + profile.warmup().toNanos() / 1000);
        AtomicLong sent = new AtomicLong();
        try (Progress progress = new Progress(system + " latency @" + (long) rate + "/s", sent::get, visible, 5)) {
            OpenLoop.run(rate, start, profile.total(), (i, meant) -> {
                producer.send(record(generator));
                sent.incrementAndGet();
            });
            producer.flush();
            awaitConsumed(base + sent.get());
        }
        LatencyLog log = visible;
        return new Measurement(system, "latency", workload.label(), rate,
                log.measured() / (profile.measure().toNanos() / 1e9), log.summary(), Map.of());
    }

    private ProducerRecord<String, byte[]> record(BidGenerator generator) {
        var command = clients.commandRecord(generator.next());
        return new ProducerRecord<>(topic, command.key(), command.value());
    }

    private void awaitConsumed(long target) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (consumed.sum() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("raw consumer did not catch up: " + consumed.sum() + "/" + target);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    @Override
    public void close() throws Exception {
        producer.close();
        if (between != null) {
            between.close();
        }
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
