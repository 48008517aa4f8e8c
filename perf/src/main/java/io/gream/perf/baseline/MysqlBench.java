package io.gream.perf.baseline;

import com.zaxxer.hikari.HikariDataSource;
import io.gream.load.LatencyLog;
import io.gream.load.PerfClock;
import io.gream.lockingbaseline.LockingBidService;
import io.gream.perf.load.Drive;
import io.gream.perf.load.Profile;
import io.gream.perf.load.Progress;
import io.gream.perf.report.Measurement;
import io.gream.perf.workload.BidGenerator;
import io.gream.perf.workload.Workload;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Drives the {@link LockingBidService} with N threads, each placing bids back to back over its own pooled
 * connection (HikariCP, pool size N), as fast as the database lets it. Works in a database of its own, created
 * for the run and dropped after it.
 */
public final class MysqlBench implements AutoCloseable {

    private final RunDatabase database;
    private final Profile profile;
    private int phases;

    /** @param serverUrl JDBC URL of the server without a database, e.g. {@code jdbc:mariadb://127.0.0.1:3306/} */
    public MysqlBench(String serverUrl, String user, String password, String runId, Profile profile)
            throws SQLException {
        this.database = new RunDatabase(serverUrl, user, password, "gream_perf_" + runId);
        this.profile = profile;
    }

    public Measurement saturation(Workload workload, int threads) throws SQLException, InterruptedException {
        try (HikariDataSource pool = database.pool("perf-mysql-" + threads, threads)) {
            LockingBidService service = new LockingBidService(pool);
            service.createSchema();
            BidGenerator generator = new BidGenerator("m" + threads + workload.label() + (phases++), workload, 19);
            RunDatabase.openAuctions(service, generator);

            Drive.Window window = Drive.Window.of(profile, PerfClock.nowMicros());
            LatencyLog latency = new LatencyLog(window.from());
            LongAdder accepted = new LongAdder();
            AtomicLong started = new AtomicLong();
            List<Thread> workers = new ArrayList<>();
            try (Progress progress = new Progress("mysql " + threads + " threads " + workload.label(),
                    started::get, latency, 5)) {
                for (int t = 0; t < threads; t++) {
                    Thread worker = new Thread(() -> {
                        while (PerfClock.nowMicros() < window.end()) {
                            var bid = generator.next();
                            long begin = PerfClock.nowMicros();
                            started.incrementAndGet();
                            try {
                                if (service.placeBid(bid.auctionId(), bid.bidderId(), bid.commandId(),
                                        bid.amount(), System.currentTimeMillis()).isEmpty()) {
                                    accepted.increment();
                                }
                                latency.record(begin, PerfClock.nowMicros());
                            } catch (RuntimeException e) {
                                latency.failed();
                            }
                        }
                    }, "perf-mysql-" + t);
                    worker.start();
                    workers.add(worker);
                }
                for (Thread worker : workers) {
                    worker.join();
                }
            }
            return new Measurement("mysql-" + threads, "saturation", workload.label(), 0,
                    profile.perSecond(latency.measured()), latency.summary(), Map.of("acceptedShare",
                    Measurement.share(accepted.sum(), latency.completed()), "failed", latency.failures()));
        }
    }

    @Override
    public void close() throws SQLException {
        database.close();
    }
}
