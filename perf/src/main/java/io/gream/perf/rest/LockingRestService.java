package io.gream.perf.rest;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gream.lockingbaseline.LockingBidService;
import io.gream.perf.stack.Service;
import io.gream.perf.workload.BidGenerator;
import io.gream.perf.workload.Workload;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The lock-based bid service of {@code perf-locking-baseline}, in a database of its own that exists for the run:
 * started as a child JVM, with auctions opened for it by inserting their rows before each phase (it has no
 * endpoint for that). Dropped with its database on close.
 */
public final class LockingRestService implements AutoCloseable {

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String database;
    private final HikariDataSource pool;
    private final LockingBidService rows;
    private final Service service;
    private int phases;

    /** @param serverUrl JDBC URL of the server without a database, e.g. {@code jdbc:mariadb://127.0.0.1:3306/} */
    public LockingRestService(String serverUrl, String user, String password, String runId, String hmacSecret,
                              Path dir, List<String> jvmArgs) throws SQLException {
        this.serverUrl = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
        this.user = user;
        this.password = password;
        this.database = "gream_perf_locking_" + runId.replaceAll("[^A-Za-z0-9_]", "_");
        try (Connection c = DriverManager.getConnection(this.serverUrl, user, password);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(this.serverUrl + database);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(2);
        config.setPoolName("perf-locking-setup");
        pool = new HikariDataSource(config);
        rows = new LockingBidService(pool);
        try {
            rows.createSchema();
            service = Service.startLockingBaseline(this.serverUrl + database, user, password, hmacSecret, dir,
                    jvmArgs);
        } catch (RuntimeException e) {
            pool.close();
            dropDatabase();
            throw e;
        }
    }

    public String url() {
        return service.url();
    }

    /** A generator whose auctions exist in the service's database, each ending an hour from now. */
    public BidGenerator openedAuctions(Workload workload, String runId, int bidders) {
        BidGenerator generator = new BidGenerator(runId + "-lock-" + workload.label() + (phases++), workload,
                phases * 104_729L, bidders);
        String[] ids = new String[workload.auctions()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = generator.auctionId(i);
        }
        rows.open(ids, BidGenerator.SELLER, BidGenerator.START_PRICE, BidGenerator.MIN_INCREMENT,
                System.currentTimeMillis() + 3_600_000);
        return generator;
    }

    @Override
    public void close() throws SQLException {
        service.close();
        pool.close();
        dropDatabase();
    }

    private void dropDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl, user, password);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
        }
    }
}
