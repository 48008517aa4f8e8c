package io.gream.drill;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Watches the drill cluster's settlement table while the drill runs: how far settling has come, so the drill waits
 * for it to finish, and which settlement is in flight, so a worker kill lands mid-charge. Reading the table back
 * for the verdict is the audit's job ({@link io.gream.audit.LogReader}).
 */
final class SettlementWatch {

    /**
     * Settlement progress as "rows/pending" (e.g. {@code 412/0}), or {@code "?"} when the table is not there yet:
     * the drill waits until this stops changing with nothing pending.
     */
    static String settlementProgress() {
        try (Connection db = DriverManager.getConnection(ClusterLayout.MARIADB + ClusterLayout.SETTLEMENT_DB, "root",
                ""); Statement statement = db.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT COUNT(*), SUM(CASE WHEN state = 'PENDING' THEN 1 ELSE 0 END) FROM settlement")) {
            rs.next();
            return rs.getLong(1) + "/" + rs.getLong(2);
        } catch (SQLException e) {
            return "?";
        }
    }

    /**
     * Waits for a settlement that is PENDING (its charge in flight), so a worker kill lands mid-batch, up to
     * {@code timeout}. Until the first settlement exists (auctions close from a quarter into the bidding) it looks
     * once a second; then every 10 ms, since a charge through the simulated gateway is pending for milliseconds.
     */
    static Optional<String> awaitPendingSettlement(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection db = DriverManager.getConnection(ClusterLayout.MARIADB + ClusterLayout.SETTLEMENT_DB, "root",
                ""); PreparedStatement any = db.prepareStatement("SELECT 1 FROM settlement LIMIT 1");
             PreparedStatement pending = db.prepareStatement(
                     "SELECT auction_id FROM settlement WHERE state = 'PENDING' LIMIT 1")) {
            boolean settling = false;
            while (System.nanoTime() < deadline) {
                settling = settling || exists(any);
                if (settling) {
                    try (ResultSet rs = pending.executeQuery()) {
                        if (rs.next()) {
                            return Optional.of(rs.getString(1));
                        }
                    }
                }
                LockSupport.parkNanos(Duration.ofMillis(settling ? 10 : 1_000).toNanos());
            }
        } catch (SQLException e) {
            System.out.println("[drill] cannot watch the settlements: " + e);
        }
        return Optional.empty();
    }

    private static boolean exists(PreparedStatement query) throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            return rs.next();
        }
    }
}
