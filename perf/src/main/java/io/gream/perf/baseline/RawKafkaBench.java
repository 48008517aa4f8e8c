package io.gream.perf.baseline;

import io.gream.load.LatencyLog;
import io.gream.load.LatencySummary;
import io.gream.load.PerfClock;
import io.gream.perf.engine.KafkaClients;
import io.gream.perf.load.Drive;
import io.gream.perf.load.Profile;
import io.gream.perf.report.Measurement;
import io.gream.perf.workload.BidGenerator;
import io.gream.perf.workload.Workload;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The raw ceiling: the same bid records (same JSON, same keys, same sizes) through the same broker, with the same
 * idempotent {@code acks=all} producer into a {@code LogAppendTime} topic of the same partition count, read back
 * by a {@code read_committed} consumer, and nothing in between. Whatever the engine does costs relative to this.
 * {@link #throughBareStreams} puts a {@link BareStreamsProcessor} in between instead: the floor of any stateful
 * exactly-once processor, measured the same way.
 */
public final class RawKafkaBench implements AutoCloseable {

    private static final Map<String, String> LOG_APPEND_TIME = Map.of("message.timestamp.type", "LogAppendTime");

    private final KafkaClients clients;
    private final Profile profile;
    private final String system;
    private final String topic;
    private final AutoCloseable between;
    private final KafkaProducer<String, byte[]> producer;
    private final AutoCloseable reader;
    private final LongAdder consumed = new LongAdder();
    private final LongAdder inWindow = new LongAdder();
    private volatile LatencyLog visible = new LatencyLog(Long.MAX_VALUE);
    private volatile Drive.Window window = new Drive.Window(0, 0);

    public RawKafkaBench(KafkaClients clients, Profile profile, String runId, int partitions) {
        this(clients, profile, "raw-kafka", "perf.raw-" + runId, partitions, null, null);
    }

    /** Bids into a topic of their own, through a {@link BareStreamsProcessor}, read from its output topic. */
    public static RawKafkaBench throughBareStreams(KafkaClients clients, Profile profile, String runId,
                                                   int partitions, Path stateDir) {
        String in = "perf.bare-in-" + runId;
        String out = "perf.bare-out-" + runId;
        clients.createTopic(in, partitions, LOG_APPEND_TIME);
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
            clients.createTopic(topic, partitions, LOG_APPEND_TIME);
        }
        this.producer = clients.producer();
        this.reader = clients.read(readFrom == null ? topic : readFrom, false, new ByteArrayDeserializer(),
                (record, now) -> {
                    consumed.increment();
                    inWindow.add(window.measures(now) ? 1 : 0);
                    visible.record(record.timestamp() * 1000, now);
                });
    }

    /** One uniform saturation phase, unmeasured: the first measured phase finds the code compiled. */
    public void warmUp() {
        saturation(Workload.UNIFORM, system + " warm-up");
    }

    public Measurement saturation(Workload workload) {
        return saturation(workload, system + " saturation " + workload.label());
    }

    private Measurement saturation(Workload workload, String phase) {
        BidGenerator generator = new BidGenerator(system + "-sat-" + workload.label(), workload, 11);
        long base = consumed.sum();
        inWindow.reset();
        window = Drive.Window.of(profile, PerfClock.nowMicros());
        visible = new LatencyLog(window.from());
        long sent = Drive.saturate(phase, window, profile.maxBacklog(), visible,
                () -> consumed.sum() - base, () -> producer.send(record(generator)), producer::flush);
        return new Measurement(system, "saturation", workload.label(), 0, profile.perSecond(inWindow.sum()),
                LatencySummary.NONE, Map.of("recordsSent", sent));
    }

    /** Append time to visible at a fixed rate, to set next to the engine's latency at the same rate. */
    public Measurement latency(Workload workload, double rate) {
        BidGenerator generator = new BidGenerator(system + "-lat", workload, 13);
        long start = PerfClock.nowMicros() + 100_000;
        long base = consumed.sum();
        window = new Drive.Window(0, 0);
        LatencyLog log = new LatencyLog(start + profile.warmup().toNanos() / 1000);
        visible = log;
        Drive.atRate(system + " latency", rate, start, profile, log, (i, meant) -> producer.send(record(generator)),
                producer::flush, sent -> consumed.sum() - base >= sent);
        return new Measurement(system, "latency", workload.label(), rate, profile.perSecond(log.measured()),
                log.summary(), Map.of());
    }

    private ProducerRecord<String, byte[]> record(BidGenerator generator) {
        var command = clients.commandRecord(generator.next());
        return new ProducerRecord<>(topic, command.key(), command.value());
    }

    @Override
    public void close() throws Exception {
        producer.close();
        if (between != null) {
            between.close();
        }
        reader.close();
    }
}
