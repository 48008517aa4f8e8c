package io.gream.perf.engine;

import io.gream.contracts.AuctionClosed;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.AuctionOpened;
import io.gream.contracts.BidAccepted;
import io.gream.contracts.BidRejected;
import io.gream.contracts.CommandRejected;
import io.gream.contracts.Topics;
import io.gream.load.LatencyLog;
import io.gream.load.LatencySummary;
import io.gream.load.PerfClock;
import io.gream.perf.load.Drive;
import io.gream.perf.load.Profile;
import io.gream.perf.load.Progress;
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
import java.util.function.BiConsumer;

/**
 * The engine alone: commands produced straight to {@code gream.auction-commands}, decisions read from
 * {@code gream.auction-events} with {@code read_committed}. {@link #saturation} produces bids as fast as the engine
 * decides them (a bounded backlog keeps it busy without burying the next phase); {@link #latency} sends them open
 * loop at a fixed rate and measures from the command's broker append time ({@code LogAppendTime}, the decision's
 * {@code at}) and from the intended send time, which adds the producer's queueing; {@link #closeLag} measures from
 * {@code endsAt} to {@code AuctionClosed}. A decision counts once it is visible.
 */
public final class EngineBench implements AutoCloseable {

    private final KafkaClients clients;
    private final AutoCloseable watcher;
    /** Gets each event of {@code gream.auction-events} with the {@link PerfClock} time it became visible. */
    private volatile BiConsumer<AuctionEvent, Long> listener = (e, t) -> { };
    private final Profile profile;
    private final KafkaProducer<String, byte[]> producer;
    private final String runId;
    private int phases;

    /**
     * Reads {@code gream.auction-events} with {@code read_committed} from its end: an event is visible only once the
     * engine's transaction that wrote it has committed, which is what a client of Gream sees.
     */
    public EngineBench(KafkaClients clients, Profile profile, String runId) {
        this.clients = clients;
        this.watcher = clients.read(Topics.AUCTION_EVENTS.name(), true,
                Topics.AUCTION_EVENTS.valueSerde().deserializer(), (record, now) -> {
                    if (record.value() != null) {
                        listener.accept(record.value(), now);
                    }
                });
        this.profile = profile;
        this.runId = runId;
        this.producer = clients.producer();
    }

    /** A generator of bids from {@code bidders} users on auctions open in the engine, ending an hour from now. */
    public BidGenerator openedAuctions(Workload workload, int bidders) {
        BidGenerator generator = new BidGenerator(runId + "-" + workload.label() + (phases++), workload,
                phases * 7919L, bidders);
        String prefix = generator.auctionPrefix();
        LongAdder opened = new LongAdder();
        listener = (event, at) -> {
            if ((event instanceof AuctionOpened || event instanceof CommandRejected)
                    && event.auctionId().startsWith(prefix)) {
                opened.increment();
            }
        };
        Instant endsAt = Instant.now().plus(Duration.ofHours(1));
        for (int i = 0; i < workload.auctions(); i++) {
            producer.send(clients.commandRecord(generator.open(i, endsAt)));
        }
        producer.flush();
        Drive.await("opening " + workload.auctions() + " auctions", Drive.DRAIN,
                () -> opened.sum() >= workload.auctions());
        return generator;
    }

    /**
     * One uniform saturation phase, unmeasured, so that the engine's first measured phase finds its code compiled
     * and its clients connected, as a long-running engine would.
     */
    public void warmUp() {
        saturation(Workload.UNIFORM, "engine warm-up");
    }

    public Measurement saturation(Workload workload) {
        return saturation(workload, "engine saturation " + workload.label());
    }

    private Measurement saturation(Workload workload, String phase) {
        BidGenerator generator = openedAuctions(workload, BidGenerator.BIDDERS);
        String prefix = generator.auctionPrefix();
        Drive.Window window = Drive.Window.of(profile, PerfClock.nowMicros());
        LongAdder decided = new LongAdder();
        LongAdder inWindow = new LongAdder();
        LongAdder accepted = new LongAdder();
        LatencyLog visible = new LatencyLog(window.from());
        listener = (event, now) -> {
            if ((event instanceof BidAccepted || event instanceof BidRejected)
                    && event.auctionId().startsWith(prefix)) {
                decided.increment();
                accepted.add(event instanceof BidAccepted ? 1 : 0);
                inWindow.add(window.measures(now) ? 1 : 0);
                visible.record(event.at().toEpochMilli() * 1000, now);
            }
        };
        long sent = Drive.saturate(phase, window, profile.maxBacklog(), visible,
                decided::sum, () -> producer.send(clients.commandRecord(generator.next())), producer::flush);
        return new Measurement("gream-engine", "saturation", workload.label(), 0, profile.perSecond(inWindow.sum()),
                LatencySummary.NONE, Map.of("acceptedShare", Measurement.share(accepted.sum(), decided.sum()),
                "bidsSent", sent, "appendToVisibleP99MsUnderBacklog", visible.summary().p99Ms()));
    }

    public Measurement latency(Workload workload, double rate) {
        BidGenerator generator = openedAuctions(workload, BidGenerator.BIDDERS);
        String prefix = generator.auctionPrefix();
        long start = PerfClock.nowMicros() + 100_000;
        long measureFrom = start + profile.warmup().toNanos() / 1000;
        LatencyLog fromAppend = new LatencyLog(measureFrom);
        LatencyLog fromIntended = new LatencyLog(measureFrom);
        Map<String, Long> intended = new ConcurrentHashMap<>();
        LongAdder accepted = new LongAdder();
        listener = (event, now) -> {
            String commandId = event instanceof BidAccepted a ? a.commandId()
                    : event instanceof BidRejected r ? r.commandId() : null;
            Long meant = commandId != null && event.auctionId().startsWith(prefix) ? intended.remove(commandId) : null;
            if (meant != null) {
                fromIntended.record(meant, now);
                fromAppend.record(event.at().toEpochMilli() * 1000, now);
                accepted.add(event instanceof BidAccepted ? 1 : 0);
            }
        };
        Drive.atRate("engine latency " + workload.label(), rate, start, profile, fromIntended, (i, meant) -> {
            var bid = generator.next();
            intended.put(bid.commandId(), meant);
            producer.send(clients.commandRecord(bid), (metadata, error) -> {
                if (error != null && intended.remove(bid.commandId()) != null) {
                    fromIntended.failed();
                }
            });
        }, producer::flush, sent -> intended.isEmpty());
        return new Measurement("gream-engine", "latency", workload.label(), rate,
                profile.perSecond(fromAppend.measured()), fromAppend.summary(), Map.of(
                "acceptedShare", Measurement.share(accepted.sum(), fromIntended.completed()),
                "fromIntendedSendP99Ms", fromIntended.summary().p99Ms(),
                "fromIntendedSendP999Ms", fromIntended.summary().p999Ms(), "failed", fromIntended.failures()));
    }

    /**
     * Opens {@code auctions} auctions whose deadlines are spread evenly over {@code spread}, starting once they
     * can all have been opened at {@code openRate} per second, and measures how late each closes.
     */
    public Measurement closeLag(int auctions, Duration spread, double openRate) {
        BidGenerator generator = new BidGenerator(runId + "-close" + (phases++), Workload.UNIFORM, 1);
        String prefix = generator.auctionPrefix();
        Duration lead = Duration.ofMillis((long) Math.max(10_000, auctions / openRate * 1500 + 5_000));
        Instant first = Instant.now().plus(lead);
        LongAdder opened = new LongAdder();
        LongAdder refused = new LongAdder();
        LatencyLog lag = new LatencyLog(0);
        listener = (event, now) -> {
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
        };
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
            Drive.await("every auction closed", lead.plus(spread).plus(Drive.DRAIN),
                    () -> lag.completed() + refused.sum() >= auctions);
        }
        return new Measurement("gream-engine", "close-lag", "close", 0,
                lag.completed() / (spread.toNanos() / 1e9), lag.summary(),
                Map.of("auctions", auctions, "openedBeforeClose", opened.sum(), "refusedOpens", refused.sum()));
    }

    @Override
    public void close() throws Exception {
        producer.close();
        watcher.close();
    }
}
