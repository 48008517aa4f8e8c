package io.gream.perf.rest;

import com.zaxxer.hikari.HikariDataSource;
import io.gream.childjvm.ServiceJvm;
import io.gream.lockingbaseline.LockingBidService;
import io.gream.perf.baseline.RunDatabase;
import io.gream.perf.workload.BidGenerator;
import io.gream.perf.workload.Workload;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * The lock-based bid service of {@code perf-locking-baseline}, in a database of its own that exists for the run:
 * started as a child JVM, with auctions opened for it by inserting their rows before each phase (it has no
 * endpoint for that). Dropped with its database on close.
 */
public final class LockingRestService implements AutoCloseable {

    private final RunDatabase database;
    private final HikariDataSource pool;
    private final LockingBidService rows;
    private final ServiceJvm service;
    private int phases;

    /** @param serverUrl JDBC URL of the server without a database, e.g. {@code jdbc:mariadb://127.0.0.1:3306/} */
    public LockingRestService(String serverUrl, String user, String password, String runId, String hmacSecret,
                              Path dir, List<String> jvmArgs) throws SQLException {
        database = new RunDatabase(serverUrl, user, password, "gream_perf_locking_" + runId);
        pool = database.pool("perf-locking-setup", 2);
        rows = new LockingBidService(pool);
        try {
            rows.createSchema();
            // It verifies tokens signed with the ingress's key, so one token works for both; web-auth takes an HMAC
            // key only under the local profile, as the ingress under test does.
            service = ServiceJvm.start("perf-locking-baseline", dir, jvmArgs, "/ping", null, List.of(
                    "--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + user,
                    "--spring.datasource.password=" + password, "--spring.profiles.active=local",
                    "--gream.auth.hmac-secret=" + hmacSecret));
        } catch (RuntimeException e) {
            pool.close();
            database.close();
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
        RunDatabase.openAuctions(rows, generator);
        return generator;
    }

    @Override
    public void close() throws SQLException {
        service.close();
        pool.close();
        database.close();
    }
}
