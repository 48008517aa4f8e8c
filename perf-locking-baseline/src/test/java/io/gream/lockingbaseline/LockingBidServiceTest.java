package io.gream.lockingbaseline;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gream.contracts.RejectionReason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lock-based baseline must decide like the engine, or comparing their speed means nothing. Runs against the
 * MariaDB/MySQL server on 127.0.0.1:3306 (always when CI=true), else H2 in MySQL mode.
 */
class LockingBidServiceTest {

    private static final String SERVER = "jdbc:mariadb://127.0.0.1:3306/";
    private static final String DATABASE = "gream_locking_test_" + ProcessHandle.current().pid();
    private static final long NOW = 1_900_000_000_000L;

    private static HikariDataSource pool;
    private static boolean onMariaDb;
    private static LockingBidService service;

    @BeforeAll
    static void database() throws SQLException {
        HikariConfig config = new HikariConfig();
        onMariaDb = "true".equals(System.getenv("CI")) || mariaDbReachable();
        if (onMariaDb) {
            try (Connection c = DriverManager.getConnection(SERVER, "root", "");
                 Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + DATABASE);
            }
            config.setJdbcUrl(SERVER + DATABASE);
            config.setUsername("root");
            config.setPassword("");
        } else {
            config.setJdbcUrl("jdbc:h2:mem:" + DATABASE + ";MODE=MySQL;DB_CLOSE_DELAY=-1");
        }
        config.setMaximumPoolSize(8);
        pool = new HikariDataSource(config);
        service = new LockingBidService(pool);
        service.createSchema();
        service.open(new String[] {"a-1", "a-2", "a-ended"}, "seller", 1_000, 100, NOW + 60_000);
        service.open(new String[] {"a-closed"}, "seller", 1_000, 100, NOW);
    }

    private static boolean mariaDbReachable() {
        try (Connection ignored = DriverManager.getConnection(SERVER, "root", "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        pool.close();
        if (onMariaDb) {
            try (Connection c = DriverManager.getConnection(SERVER, "root", "");
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + DATABASE);
            }
        }
    }

    @Test
    void decidesBidsWithTheEngineRulesInTheEngineOrder() {
        assertThat(service.placeBid("nope", "u1", "k1", 5_000, NOW)).contains(RejectionReason.AUCTION_NOT_FOUND);
        assertThat(service.placeBid("a-closed", "u1", "k2", 5_000, NOW)).contains(RejectionReason.AUCTION_CLOSED);
        assertThat(service.placeBid("a-1", "seller", "k3", 5_000, NOW)).contains(RejectionReason.SELF_BID);
        assertThat(service.placeBid("a-1", "u1", "k4", 999, NOW)).contains(RejectionReason.BID_TOO_LOW);
        assertThat(service.placeBid("a-1", "u1", "k5", 1_000, NOW)).isEmpty();
        assertThat(service.placeBid("a-1", "u1", "k6", 2_000, NOW)).contains(RejectionReason.ALREADY_LEADING);
        assertThat(service.placeBid("a-1", "u2", "k7", 1_099, NOW)).contains(RejectionReason.BID_TOO_LOW);
        assertThat(service.placeBid("a-1", "u2", "k8", 1_100, NOW)).isEmpty();

        assertThat(service.standing("a-1")).contains(new LockingBidService.Standing(1_100L, "u2", 2));
    }

    @Test
    void answersARepeatedKeyWithTheFirstOutcomeAndChangesNothing() {
        assertThat(service.placeBid("a-ended", "u1", "same", 1_000, NOW)).isEmpty();
        assertThat(service.placeBid("a-ended", "u2", "other", 1_100, NOW)).isEmpty();

        assertThat(service.placeBid("a-ended", "u1", "same", 1_000, NOW)).isEmpty();
        assertThat(service.placeBid("a-ended", "u3", "too-low", 1_000, NOW)).contains(RejectionReason.BID_TOO_LOW);
        assertThat(service.placeBid("a-ended", "u3", "too-low", 9_000, NOW)).contains(RejectionReason.BID_TOO_LOW);

        assertThat(service.standing("a-ended")).contains(new LockingBidService.Standing(1_100L, "u2", 2));
    }

    @Test
    void concurrentBidsOnOneRowNeverLoseTheHighest() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        AtomicLong highestAccepted = new AtomicLong();
        AtomicLong acceptedCount = new AtomicLong();
        List<Future<?>> bids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long amount = 1_000 + i * 100L;
            String bidder = "u" + i;
            bids.add(threads.submit(() -> {
                Optional<RejectionReason> outcome = service.placeBid("a-2", bidder, "k", amount, NOW);
                if (outcome.isEmpty()) {
                    acceptedCount.incrementAndGet();
                    highestAccepted.accumulateAndGet(amount, Math::max);
                }
                return outcome;
            }));
        }
        for (Future<?> bid : bids) {
            bid.get();
        }
        threads.shutdown();

        var standing = service.standing("a-2").orElseThrow();
        assertThat(acceptedCount.get()).isPositive();
        assertThat(standing.highest()).isEqualTo(highestAccepted.get());
        assertThat(standing.bidCount()).isEqualTo(acceptedCount.get());
    }
}
