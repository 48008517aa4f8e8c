package io.gream.settlement;

import io.gream.settlement.ledger.EntryType;
import io.gream.settlement.ledger.Journal;
import io.gream.settlement.ledger.Posting;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's invariants, checked straight in the database after every test: every journal sums to zero (and
 * rebuilds as a valid {@link Journal}), the totals per currency are zero, every completed settlement has exactly its
 * journal (buyer paid the price, fee plus proceeds equal it), and no other settlement has one; every refunded refund
 * has exactly its reversing journal and no other refund has one; each sale's buyer balance is its price less its
 * refunds; every completed second-chance sale has exactly its journal and no other second chance has one; every
 * journal belongs to a sale, a second-chance sale, a refund or a late charge; and the gateway clearing account holds
 * exactly the late charges not yet given back. (That no line is ever updated or deleted is the database triggers' job,
 * tested in {@code SettlementStoreTest} and on MySQL 8 in {@code MySql8ContainersIT}.)
 */
public final class LedgerInvariants {

    private LedgerInvariants() {
    }

    public static void assertHold(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForList("SELECT journal_id FROM ledger_line GROUP BY journal_id HAVING SUM(amount) <> 0",
                String.class)).as("unbalanced journals").isEmpty();
        assertThat(jdbc.queryForList("SELECT currency FROM ledger_line GROUP BY currency HAVING SUM(amount) <> 0",
                String.class)).as("currencies whose ledger does not sum to zero").isEmpty();
        assertThat(jdbc.queryForList("""
                SELECT s.auction_id FROM settlement s WHERE s.state = 'COMPLETED' AND (
                  s.fee + s.seller_proceeds <> s.price
                  OR (SELECT COUNT(*) FROM ledger_line l WHERE l.journal_id = s.auction_id
                      AND l.entry_type = 'BUYER_PAYMENT' AND l.amount = s.price AND l.currency = s.currency) <> 1
                  OR (SELECT COALESCE(SUM(l.amount), 0) FROM ledger_line l WHERE l.journal_id = s.auction_id
                      AND l.entry_type = 'SELLER_PROCEEDS') <> -s.seller_proceeds
                  OR (SELECT COALESCE(SUM(l.amount), 0) FROM ledger_line l WHERE l.journal_id = s.auction_id
                      AND l.entry_type = 'PLATFORM_FEE') <> -s.fee)
                """, String.class)).as("completed settlements without their exact journal").isEmpty();
        assertThat(jdbc.queryForList("""
                SELECT DISTINCT l.journal_id FROM ledger_line l JOIN settlement s ON s.auction_id = l.journal_id
                WHERE s.state <> 'COMPLETED'
                """, String.class)).as("journals of settlements that did not complete").isEmpty();
        assertThat(jdbc.queryForList("""
                SELECT c.auction_id FROM second_chance c WHERE (c.state = 'COMPLETED' AND (
                  c.fee + c.seller_proceeds <> c.price
                  OR (SELECT COUNT(*) FROM ledger_line l WHERE l.journal_id = CONCAT(c.auction_id, ':second-chance')
                      AND l.entry_type = 'BUYER_PAYMENT' AND l.amount = c.price AND l.currency = c.currency
                      AND l.account = CONCAT('buyer:', c.runner_up_id)) <> 1
                  OR (SELECT COALESCE(SUM(l.amount), 0) FROM ledger_line l
                      WHERE l.journal_id = CONCAT(c.auction_id, ':second-chance')
                      AND l.entry_type = 'SELLER_PROCEEDS') <> -c.seller_proceeds
                  OR (SELECT COALESCE(SUM(l.amount), 0) FROM ledger_line l
                      WHERE l.journal_id = CONCAT(c.auction_id, ':second-chance')
                      AND l.entry_type = 'PLATFORM_FEE') <> -c.fee))
                  OR (c.state <> 'COMPLETED' AND (SELECT COUNT(*) FROM ledger_line l
                      WHERE l.journal_id = CONCAT(c.auction_id, ':second-chance')) > 0)
                """, String.class)).as("second-chance sales without their exact journal, or unfinished ones with one")
                .isEmpty();
        assertThat(jdbc.queryForList("""
                SELECT r.refund_id FROM refund r WHERE
                  (r.state = 'REFUNDED' AND (
                    (SELECT COUNT(*) FROM ledger_line l WHERE l.journal_id = r.refund_id) < 2
                    OR (r.kind IN ('BUYER', 'LATE_CHARGE') AND (SELECT COALESCE(SUM(l.amount), 0) FROM ledger_line l
                        WHERE l.journal_id = r.refund_id AND l.entry_type = 'BUYER_PAYMENT') <> -r.amount)
                    OR (r.kind = 'SELLER_FEE' AND (SELECT COALESCE(SUM(l.amount), 0) FROM ledger_line l
                        WHERE l.journal_id = r.refund_id AND l.entry_type = 'PLATFORM_FEE') <> r.amount)))
                  OR (r.state <> 'REFUNDED'
                      AND (SELECT COUNT(*) FROM ledger_line l WHERE l.journal_id = r.refund_id) > 0)
                """, String.class)).as("refunds without their exact reversing journal, or unfinished ones with one")
                .isEmpty();
        assertThat(jdbc.queryForList("""
                SELECT s.auction_id FROM settlement s WHERE s.state = 'COMPLETED'
                  AND (SELECT COALESCE(SUM(l.amount), 0) FROM ledger_line l WHERE l.entry_type = 'BUYER_PAYMENT'
                       AND (l.journal_id = s.auction_id OR l.reverses_journal_id = s.auction_id))
                   <> s.price - (SELECT COALESCE(SUM(r.amount), 0) FROM refund r WHERE r.auction_id = s.auction_id
                       AND r.kind = 'BUYER' AND r.state = 'REFUNDED')
                """, String.class)).as("sales whose buyer balance is not the price less its refunds").isEmpty();
        assertThat(jdbc.queryForList("""
                SELECT DISTINCT l.journal_id FROM ledger_line l
                WHERE l.journal_id NOT IN (SELECT auction_id FROM settlement)
                  AND l.journal_id NOT IN (SELECT refund_id FROM refund)
                  AND l.journal_id NOT IN (SELECT CONCAT(auction_id, ':second-chance') FROM second_chance)
                  AND l.journal_id NOT IN (SELECT CONCAT(auction_id, ':late-charge') FROM refund
                                           WHERE kind = 'LATE_CHARGE')
                """, String.class)).as("journals of neither a sale, a second-chance sale, a refund nor a late charge")
                .isEmpty();
        Long clearing = jdbc.queryForObject("SELECT COALESCE(SUM(amount), 0) FROM ledger_line WHERE account = ?",
                Long.class, "gateway:clearing");
        Long unrefundedLateCharges = jdbc.queryForObject(
                "SELECT COALESCE(SUM(amount), 0) FROM refund WHERE kind = 'LATE_CHARGE' AND state <> 'REFUNDED'",
                Long.class);
        assertThat(clearing).as("gateway clearing: late charges not yet given back").isEqualTo(-unrefundedLateCharges);
        Map<String, List<Posting>> postings = new LinkedHashMap<>();
        Map<String, String> currencies = new LinkedHashMap<>();
        jdbc.query("SELECT journal_id, entry_type, account, amount, currency FROM ledger_line ORDER BY id", row -> {
            postings.computeIfAbsent(row.getString(1), id -> new ArrayList<>()).add(new Posting(
                    EntryType.valueOf(row.getString(2)), row.getString(3), row.getLong(4)));
            currencies.put(row.getString(1), row.getString(5));
        });
        postings.forEach((id, lines) -> new Journal(id, currencies.get(id), lines)); // throws if invalid
    }

    public static int count(DataSource dataSource, String sql, Object... args) {
        Integer count = new JdbcTemplate(dataSource).queryForObject(sql, Integer.class, args);
        return count == null ? 0 : count;
    }
}
