package io.gream.perf.load;

import io.gream.load.LatencyLog;
import io.gream.load.OpenLoop;
import io.gream.load.PerfClock;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;

/**
 * The two ways a phase drives a system through Kafka: as fast as it keeps up, with a bounded backlog so the next
 * phase does not inherit it, or open loop at a fixed rate. Either way it waits until everything sent was seen.
 */
public final class Drive {

    /** How long the system may take to work off what a phase sent. */
    public static final Duration DRAIN = Duration.ofSeconds(120);

    /** The measured part of a phase in {@link PerfClock} micros, after its warm-up. */
    public record Window(long from, long end) {

        public static Window of(Profile profile, long start) {
            return new Window(start + profile.warmup().toNanos() / 1000, start + profile.total().toNanos() / 1000);
        }

        public boolean measures(long micros) {
            return micros >= from && micros < end;
        }
    }

    private Drive() {
    }

    /**
     * Calls {@code send} until the window ends, while fewer than {@code maxBacklog} sent are not {@code done}, then
     * {@code flush} and waits until all are done. Returns how many were sent.
     */
    public static long saturate(String phase, Window window, int maxBacklog, LatencyLog log, LongSupplier done,
                                Runnable send, Runnable flush) {
        AtomicLong sent = new AtomicLong();
        try (Progress progress = new Progress(phase, sent::get, log, 5)) {
            while (PerfClock.nowMicros() < window.end()) {
                if (sent.get() - done.getAsLong() >= maxBacklog) {
                    LockSupport.parkNanos(200_000);
                    continue;
                }
                send.run();
                sent.incrementAndGet();
            }
            flush.run();
            await(phase + " to drain", DRAIN, () -> done.getAsLong() >= sent.get());
        }
        return sent.get();
    }

    /**
     * {@link OpenLoop} at {@code rate} over the profile's phase from {@code start}, then {@code flush}, then waits
     * until {@code drained} holds for the count sent.
     */
    public static void atRate(String phase, double rate, long start, Profile profile, LatencyLog log,
                              OpenLoop.Operation send, Runnable flush, LongPredicate drained) {
        AtomicLong sent = new AtomicLong();
        try (Progress progress = new Progress(phase + " @" + (long) rate + "/s", sent::get, log, 5)) {
            OpenLoop.run(rate, start, profile.total(), (i, meant) -> {
                send.start(i, meant);
                sent.incrementAndGet();
            });
            flush.run();
            await(phase + " to drain", DRAIN, () -> drained.test(sent.get()));
        }
    }

    /** Polls {@code done} every 20 ms until it holds; fails after {@code timeout}. */
    public static void await(String what, Duration timeout, BooleanSupplier done) {
        Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(20)).until(done::getAsBoolean);
    }
}
