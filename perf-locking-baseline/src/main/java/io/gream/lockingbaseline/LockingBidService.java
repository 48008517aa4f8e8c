package io.gream.lockingbaseline;

import io.gream.contracts.RejectionReason;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.List;
import java.util.Optional;

/**
 * The design Gream replaces: one row per auction in MySQL/MariaDB, and each bid one transaction that locks the row
 * ({@code SELECT ... FOR UPDATE}), answers a repeated idempotency key with its stored outcome, checks the same bid
 * rules as the engine, {@code UPDATE}s the highest bid when accepted and inserts the bid with its outcome.
 * Concurrent bids on one auction wait for each other's row lock; that queue is what the benchmark measures.
 *
 * <p>Plain Spring JDBC ({@link JdbcTemplate}, {@link TransactionTemplate}), as a Spring + MySQL team would write it.
 * Runs on MariaDB, MySQL 8 and H2 (MySQL mode). It keeps no event history: it is a baseline, not a ledger.
 */
public final class LockingBidService {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public LockingBidService(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    public void createSchema() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS auction ("
                + " id VARCHAR(64) NOT NULL PRIMARY KEY,"
                + " seller_id VARCHAR(128) NOT NULL,"
                + " start_price BIGINT NOT NULL,"
                + " min_increment BIGINT NOT NULL,"
                + " ends_at_ms BIGINT NOT NULL,"
                + " highest BIGINT NULL,"
                + " leader_id VARCHAR(128) NULL,"
                + " bid_count BIGINT NOT NULL DEFAULT 0)");
        jdbc.execute("CREATE TABLE IF NOT EXISTS bid ("
                + " id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                + " auction_id VARCHAR(64) NOT NULL,"
                + " bidder_id VARCHAR(128) NOT NULL,"
                + " idempotency_key VARCHAR(128) NOT NULL,"
                + " amount BIGINT NOT NULL,"
                + " rejection VARCHAR(32) NULL,"
                + " placed_at_ms BIGINT NOT NULL,"
                + " CONSTRAINT bid_once UNIQUE (auction_id, bidder_id, idempotency_key))");
    }

    /** Inserts auctions in batches; {@code ids[i]} all sold by {@code sellerId}. */
    public void open(String[] ids, String sellerId, long startPrice, long minIncrement, long endsAtMs) {
        for (int from = 0; from < ids.length; from += 1000) {
            List<Object[]> rows = java.util.Arrays.stream(ids, from, Math.min(ids.length, from + 1000))
                    .map(id -> new Object[] {id, sellerId, startPrice, minIncrement, endsAtMs}).toList();
            transaction.executeWithoutResult(status -> jdbc.batchUpdate("INSERT INTO auction"
                    + " (id, seller_id, start_price, min_increment, ends_at_ms) VALUES (?, ?, ?, ?, ?)", rows));
        }
    }

    /**
     * Places a bid at {@code nowMs}; a bid with a key this bidder already used on this auction gets the first
     * one's outcome and changes nothing.
     *
     * @return empty when accepted, else the first rule it broke (the engine's order)
     */
    public Optional<RejectionReason> placeBid(String auctionId, String bidderId, String idempotencyKey, long amount,
                                              long nowMs) {
        return transaction.execute(status -> {
            List<AuctionRow> rows = jdbc.query("SELECT seller_id, start_price, min_increment, ends_at_ms, highest,"
                    + " leader_id FROM auction WHERE id = ? FOR UPDATE", (row, i) -> new AuctionRow(
                    row.getString(1), row.getLong(2), row.getLong(3), row.getLong(4),
                    row.getObject(5) == null ? null : row.getLong(5), row.getString(6)), auctionId);
            if (rows.isEmpty()) {
                return Optional.of(RejectionReason.AUCTION_NOT_FOUND);
            }
            List<Optional<RejectionReason>> earlier = jdbc.query("SELECT rejection FROM bid WHERE auction_id = ?"
                            + " AND bidder_id = ? AND idempotency_key = ?",
                    (row, i) -> Optional.ofNullable(row.getString(1)).map(RejectionReason::valueOf),
                    auctionId, bidderId, idempotencyKey);
            if (!earlier.isEmpty()) {
                return earlier.get(0);
            }
            Optional<RejectionReason> outcome = rows.get(0).decide(bidderId, amount, nowMs);
            if (outcome.isEmpty()) {
                jdbc.update("UPDATE auction SET highest = ?, leader_id = ?, bid_count = bid_count + 1 WHERE id = ?",
                        amount, bidderId, auctionId);
            }
            jdbc.update("INSERT INTO bid (auction_id, bidder_id, idempotency_key, amount, rejection, placed_at_ms)"
                            + " VALUES (?, ?, ?, ?, ?, ?)", auctionId, bidderId, idempotencyKey, amount,
                    outcome.map(Enum::name).orElse(null), nowMs);
            return outcome;
        });
    }

    private record AuctionRow(String sellerId, long startPrice, long minIncrement, long endsAtMs, Long highest,
                              String leaderId) {

        Optional<RejectionReason> decide(String bidderId, long amount, long nowMs) {
            if (nowMs >= endsAtMs) {
                return Optional.of(RejectionReason.AUCTION_CLOSED);
            }
            if (bidderId.equals(sellerId)) {
                return Optional.of(RejectionReason.SELF_BID);
            }
            if (bidderId.equals(leaderId)) {
                return Optional.of(RejectionReason.ALREADY_LEADING);
            }
            long minNextBid = highest == null ? startPrice : highest + minIncrement;
            return amount < minNextBid ? Optional.of(RejectionReason.BID_TOO_LOW) : Optional.empty();
        }
    }

    /** Where an auction stands: its highest bid (null without bids), its leader and its accepted bids. */
    public record Standing(Long highest, String leaderId, long bidCount) {
    }

    public Optional<Standing> standing(String auctionId) {
        return jdbc.query("SELECT highest, leader_id, bid_count FROM auction WHERE id = ?", (row, i) -> new Standing(
                row.getObject(1) == null ? null : row.getLong(1), row.getString(2), row.getLong(3)), auctionId)
                .stream().findFirst();
    }
}
