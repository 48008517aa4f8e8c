package io.gream.perf.engine;

import io.gream.contracts.AuctionClosed;
import io.gream.contracts.AuctionOpened;
import io.gream.contracts.BidAccepted;
import io.gream.contracts.BidRejected;
import io.gream.contracts.CommandRejected;
import io.gream.perf.load.LatencyLog;
import io.gream.perf.load.OpenLoop;
import io.gream.perf.load.PerfClock;
import io.gream.perf.load.Profile;
import io.gream.perf.load.Progress;
import io.gream.perf.report.LatencySummary;
import io.gream.perf.report.Measurement;
import io.gream.perf.workload.BidGenerator;
import io.gream.perf.workload.Workload;
import org.apache.kafka.clients.producer.KafkaProducer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The engine alone: commands produced straight to {@code gream.auction-commands}, decisions read from
 * {@code gream.auction-events} with {@code read_committed}.
 *
 * <ul>
 *   <li>{@link #saturation}: bids produced as fast as the engine decides them (a bounded backlog keeps it busy
 *       without burying the next phase), counting decisions that became visible in the measured window;</li>
 *   <li>{@link #latency}: bids at a fixed rate, open loop; latency from the command's broker append time
 *       ({@code LogAppendTime}, carried as the decision's {@code at}) to the decision becoming visible, and also
 *       from the bid's intended send time, which adds the producer's queueing;</li>
 *   <li>{@link #closeLag}: many auctions with deadlines spread over a window; lag from {@code endsAt} to the
 *       {@code AuctionClosed} becoming visible.</li>
 * </ul>
 */
public final class EngineBench {

    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(120);

    private final KafkaClients clients;
    private final EventWatcher watcher;
    private final Profile profile;
    private final KafkaProducer<String, byte[]> producer;
    private final String runId;
    private int phases;

    public EngineBench(KafkaClients clients, EventWatcher watcher, Profile profile, String runId) {
        this.clients = clients;
        this.watcher = watcher;
        this.profile = profile;
        this.runId = runId;
        this.producer = clients.producer();
    }

    /** A generator whose auctions are open in the engine, each ending an hour from now. */
    public BidGenerator openedAuctions(Workload workload) {
        return openedAuctions(workload, BidGenerator.BIDDERS);
    }

    /** As {@link #openedAuctions(Workload)}, with bids from {@code bidders} users. */
    public BidGenerator openedAuctions(Workload workload, int bidders) {
        BidGenerator generator = new BidGenerator(runId + "-" + workload.label() + (phases++), workload,
                phases * 7919L, bidders);
        String prefix = generator.auctionId(0).substring(0, generator.auctionId(0).length() - 1);
        LongAdder opened = new LongAdder();
        watcher.listen((event, at) -> {
            if ((event instanceof AuctionOpened || event instanceof CommandRejected)
                    && event.auctionId().startsWith(prefix)) {
                opened.increment();
            }
        });
        Instant endsAt = Instant.now().plus(Duration.ofHours(1));
        for (int i = 0; i < workload.auctions(); i++) {
            producer.send(clients.commandRecord(generator.open(i, endsAt)));
        }
        producer.flush();
        await("opening " + workload.auctions() + " auctions", () -> opened.sum() >= workload.auctions());
        return generator;
    }

    public Measurement saturation(Workload workload) {
        BidGenerator generator = openedAuctions(workload);
        String prefix = prefixOf(generator);
        long start = PerfClock.nowMicros();
        long measureFrom = start + profile.warmup().toNanos() / 1000;
        long end = start + profile.total().toNanos() / 1000;
        LongAdder decided = new LongAdder();
        LongAdder inWindow = new LongAdder();
        LongAdder accepted = new LongAdder();
        LatencyLog visible = new LatencyLog(measureFrom);
        watcher.listen((event, now) -> {
            if ((event instanceof BidAccepted || event instanceof BidRejected) && event.auctionId().startsWith(prefix)) {
                decided.increment();
                if (event instanceof BidAccepted) {
                    accepted.increment();
                }
                if (now >= measureFrom && now < end) {
                    inWindow.increment();
                }
                visible.record(event.at().toEpochMilli() * 1000, now);
            }
        });
        AtomicLong sent = new AtomicLong();
        try (Progress progress = new Progress("engine saturation " + workload.label(), sent::get, visible, 5)) {
            while (PerfClock.nowMicros() < end) {
                if (sent.get() - decided.sum() >= profile.maxBacklog()) {
                    LockSupport.parkNanos(200_000);
                    continue;
                }
                producer.send(clients.commandRecord(generator.next()));
                sent.incrementAndGet();
            }
            producer.flush();
            await("the engine deciding the backlog", () -> decided.sum() >= sent.get());
        }
        double seconds = profile.measure().toNanos() / 1e9;
        return new Measurement("gream-engine", "saturation", workload.label(), 0, inWindow.sum() / seconds,
                LatencySummary.NONE, Map.of("acceptedShare", share(accepted.sum(), decided.sum()),
                "bidsSent", sent.get(),
                "appendToVisibleP99MsUnderBacklog", visible.summary().p99Ms()));
    }

    public Measurement latency(Workload workload, double rate) {
        BidGenerator generator = openedAuctions(workload);
        String prefix = prefixOf(generator);
        long start = PerfClock.nowMicros() + 100_000;
        long measureFrom = start + profile.warmup().toNanos() / 1000;
        LatencyLog fromAppend = new LatencyLog(measureFrom);
        LatencyLog fromIntended = new LatencyLog(measureFrom);
        Map<String, Long> intended = new ConcurrentHashMap<>();
        LongAdder accepted = new LongAdder();
        watcher.listen((event, now) -> {
            if ((event instanceof BidAccepted || event instanceof BidRejected) && event.auctionId().startsWith(prefix)) {
                String commandId = event instanceof BidAccepted a ? a.commandId() : ((BidRejected) event).commandId();
                Long meant = intended.remove(commandId);
                if (meant != null) {
                    fromIntended.record(meant, now);
                    long appended = event.at().toEpochMilli() * 1000;
                    fromAppend.record(appended, now);
                    if (event instanceof BidAccepted) {
                        accepted.increment();
                    }
                }
            }
        });
        AtomicLong sent = new AtomicLong();
        try (Progress progress = new Progress("engine latency " + workload.label() + " @" + (long) rate + "/s",
                sent::get, fromIntended, 5)) {
            OpenLoop.run(rate, start, profile.total(), (i, meant) -> {
                var bid = generator.next();
                intended.put(bid.commandId(), meant);
                producer.send(clients.commandRecord(bid), (metadata, error) -> {
                    if (error != null && intended.remove(bid.commandId()) != null) {
                        fromIntended.failed();
                    }
                });
                sent.incrementAndGet();
            });
            producer.flush();
            await("the last decisions", intended::isEmpty);
        }
        double seconds = profile.measure().toNanos() / 1e9;
        LatencySummary appendLatency = fromAppend.summary();
        return new Measurement("gream-engine", "latency", workload.label(), rate, fromAppend.measured() / seconds,
                appendLatency, Map.of("acceptedShare", share(accepted.sum(), fromIntended.completed()),
                "fromIntendedSendP99Ms", fromIntended.summary().p99Ms(),
                "fromIntendedSendP999Ms", fromIntended.summary().p999Ms(),
                "failed", fromIntended.failures()));
    }

    /**
     * Opens {@code auctions} auctions whose deadlines are spread evenly over {@code spread}, starting once they
     * can all have been opened at {@code openRate} per second, and measures how late each closes.
     */
    public Measurement closeLag(int auctions, Duration spread, double openRate) {
        BidGenerator generator = new BidGenerator(runId + "-close" + (phases++), Workload.UNIFORM, 1);
        String prefix = prefixOf(generator);
        Duration lead = Duration.ofMillis((long) Math.max(10_000, auctions / openRate * 1500 + 5_000));
        Instant first = Instant.now().plus(lead);
        LongAdder opened = new LongAdder();
        LongAdder refused = new LongAdder();
        LatencyLog lag = new LatencyLog(0);
        watcher.listen((event, now) -> {
            if (!event.auctionId().startsWith(prefix)) {
                return;
            }
            if (event instanceof AuctionOpened) {
                opened.increment();
            } else if (event instanceof CommandRejected) {
                refused.increment();
            } else if (event instanceof AuctionClosed closed) {
                lag.record(closed.at().toEpochMilli() * 1000, now);
            }
        });
        System.out.printf("  close lag: opening %d auctions, deadlines from %s over %s%n", auctions, first, spread);
        AtomicLong sent = new AtomicLong();
        try (Progress progress = new Progress("close lag", sent::get, lag, 5)) {
            for (int i = 0; i < auctions; i++) {
                while (sent.get() - opened.sum() - refused.sum() >= profile.maxBacklog()) {
                    LockSupport.parkNanos(200_000);
                }
                Instant endsAt = first.plusNanos(spread.toNanos() / auctions * i);
                producer.send(clients.commandRecord(generator.open(i, endsAt)));
                sent.incrementAndGet();
            }
            producer.flush();
            System.out.printf("  close lag: all %d sent %.1f s before the first deadline%n", auctions,
                    Duration.between(Instant.now(), first).toMillis() / 1000.0);
            await("every auction closed", () -> lag.completed() + refused.sum() >= auctions,
                    lead.plus(spread).plus(DRAIN_TIMEOUT));
        }
        return new Measurement("gream-engine", "close-lag", "close", 0,
                lag.completed() / (spread.toNanos() / 1e9), lag.summary(),
                Map.of("auctions", auctions, "openedBeforeClose", opened.sum(), "refusedOpens", refused.sum()));
    }

    private static String prefixOf(BidGenerator generator) {
        String first = generator.auctionId(0);
        return first.substring(0, first.length() - 1);
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 1000.0;
    }

    private static void await(String what, BooleanSupplier done) {
        await(what, done, DRAIN_TIMEOUT);
    }

    static void await(String what, BooleanSupplier done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout + " waiting for " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    public void close() {
        producer.close();
    }
}
