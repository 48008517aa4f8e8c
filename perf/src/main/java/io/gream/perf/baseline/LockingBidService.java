package io.gream.perf.baseline;

import io.gream.contracts.RejectionReason;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The design Gream replaces: one row per auction in MySQL/MariaDB, and each bid a transaction that locks the row
 * ({@code SELECT ... FOR UPDATE}), checks the same bid rules as the engine, and on acceptance {@code UPDATE}s the
 * highest bid. Concurrent bids on one auction wait for each other's row lock; that queue is what the benchmark
 * measures. Runs on MariaDB, MySQL 8 and H2 (MySQL mode).
 */
public final class LockingBidService {

    private final DataSource dataSource;

    public LockingBidService(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void createSchema() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS auction ("
                    + " id VARCHAR(64) NOT NULL PRIMARY KEY,"
                    + " seller_id VARCHAR(128) NOT NULL,"
                    + " start_price BIGINT NOT NULL,"
                    + " min_increment BIGINT NOT NULL,"
                    + " ends_at_ms BIGINT NOT NULL,"
                    + " highest BIGINT NULL,"
                    + " leader_id VARCHAR(128) NULL,"
                    + " bid_count BIGINT NOT NULL DEFAULT 0)");
        }
    }

    /** Inserts auctions in batches; {@code ids[i]} all sold by {@code sellerId}. */
    public void open(String[] ids, String sellerId, long startPrice, long minIncrement, long endsAtMs)
            throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO auction (id, seller_id, start_price, min_increment, ends_at_ms) VALUES (?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < ids.length; i++) {
                insert.setString(1, ids[i]);
                insert.setString(2, sellerId);
                insert.setLong(3, startPrice);
                insert.setLong(4, minIncrement);
                insert.setLong(5, endsAtMs);
                insert.addBatch();
                if (i % 1000 == 999 || i == ids.length - 1) {
                    insert.executeBatch();
                    c.commit();
                }
            }
        }
    }

    /**
     * Places a bid at {@code nowMs}.
     *
     * @return empty when accepted, else the first rule it broke (the engine's order)
     */
    public Optional<RejectionReason> placeBid(String auctionId, String bidderId, long amount, long nowMs)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<RejectionReason> outcome = decide(c, auctionId, bidderId, amount, nowMs);
                c.commit();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static Optional<RejectionReason> decide(Connection c, String auctionId, String bidderId, long amount,
                                                    long nowMs) throws SQLException {
        long startPrice;
        long minIncrement;
        Long highest;
        String leader;
        try (PreparedStatement select = c.prepareStatement("SELECT seller_id, start_price, min_increment, ends_at_ms,"
                + " highest, leader_id FROM auction WHERE id = ? FOR UPDATE")) {
            select.setString(1, auctionId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.of(RejectionReason.AUCTION_NOT_FOUND);
                }
                if (nowMs >= row.getLong("ends_at_ms")) {
                    return Optional.of(RejectionReason.AUCTION_CLOSED);
                }
                if (bidderId.equals(row.getString("seller_id"))) {
                    return Optional.of(RejectionReason.SELF_BID);
                }
                startPrice = row.getLong("start_price");
                minIncrement = row.getLong("min_increment");
                long h = row.getLong("highest");
                highest = row.wasNull() ? null : h;
                leader = row.getString("leader_id");
            }
        }
        if (bidderId.equals(leader)) {
            return Optional.of(RejectionReason.ALREADY_LEADING);
        }
        long minNextBid = highest == null ? startPrice : highest + minIncrement;
        if (amount < minNextBid) {
            return Optional.of(RejectionReason.BID_TOO_LOW);
        }
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE auction SET highest = ?, leader_id = ?, bid_count = bid_count + 1 WHERE id = ?")) {
            update.setLong(1, amount);
            update.setString(2, bidderId);
            update.setString(3, auctionId);
            update.executeUpdate();
        }
        return Optional.empty();
    }

    /** Where an auction stands: its highest bid (null without bids), its leader and its accepted bids. */
    public record Standing(Long highest, String leaderId, long bidCount) {
    }

    public Optional<Standing> standing(String auctionId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT highest, leader_id, bid_count FROM auction WHERE id = ?")) {
            select.setString(1, auctionId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                long highest = row.getLong(1);
                Long orNull = row.wasNull() ? null : highest;
                return Optional.of(new Standing(orNull, row.getString(2), row.getLong(3)));
            }
        }
    }
}
