package io.gream.perf.baseline;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gream.lockingbaseline.LockingBidService;
import io.gream.perf.load.LatencyLog;
import io.gream.perf.load.PerfClock;
import io.gream.perf.load.Profile;
import io.gream.perf.load.Progress;
import io.gream.perf.report.Measurement;
import io.gream.perf.workload.BidGenerator;
import io.gream.perf.workload.Workload;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String database;
    private final Profile profile;
    private int phases;

    /** @param serverUrl JDBC URL of the server without a database, e.g. {@code jdbc:mariadb://127.0.0.1:3306/} */
    public MysqlBench(String serverUrl, String user, String password, String runId, Profile profile)
            throws SQLException {
        this.serverUrl = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
        this.user = user;
        this.password = password;
        this.database = "gream_perf_" + runId.replaceAll("[^A-Za-z0-9_]", "_");
        this.profile = profile;
        try (Connection c = DriverManager.getConnection(this.serverUrl, user, password);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
    }

    public Measurement saturation(Workload workload, int threads) throws SQLException, InterruptedException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(serverUrl + database);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(threads);
        config.setMinimumIdle(threads);
        config.setPoolName("perf-mysql-" + threads);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            LockingBidService service = new LockingBidService(pool);
            service.createSchema();
            BidGenerator generator = new BidGenerator("m" + threads + workload.label() + (phases++), workload, 19);
            String[] ids = new String[workload.auctions()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = generator.auctionId(i);
            }
            long endsAt = System.currentTimeMillis() + 3_600_000;
            service.open(ids, BidGenerator.SELLER, BidGenerator.START_PRICE, BidGenerator.MIN_INCREMENT, endsAt);

            long start = PerfClock.nowMicros();
            long measureFrom = start + profile.warmup().toNanos() / 1000;
            long end = start + profile.total().toNanos() / 1000;
            LatencyLog latency = new LatencyLog(measureFrom);
            LongAdder accepted = new LongAdder();
            AtomicLong started = new AtomicLong();
            List<Thread> workers = new ArrayList<>();
            try (Progress progress = new Progress("mysql " + threads + " threads " + workload.label(),
                    started::get, latency, 5)) {
                for (int t = 0; t < threads; t++) {
                    Thread worker = new Thread(() -> {
                        while (PerfClock.nowMicros() < end) {
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
            var summary = latency.summary();
            return new Measurement("mysql-" + threads, "saturation", workload.label(), 0,
                    latency.measured() / (profile.measure().toNanos() / 1e9), summary,
                    Map.of("acceptedShare", Math.round(1000.0 * accepted.sum() / Math.max(1, latency.completed()))
                            / 1000.0, "failed", latency.failures()));
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl, user, password);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
        }
    }
}
