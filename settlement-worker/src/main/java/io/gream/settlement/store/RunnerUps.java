package io.gream.settlement.store;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.List;
import java.util.Optional;

/**
 * The most each bidder committed to on each auction, folded from the public auction events, so that the runner-up
 * of a sale (the highest bidder other than the winner, at that bid) is a function of the event log alone. A secret
 * proxy maximum is never published, so only what the events show counts. Folding an event again changes nothing.
 *
 * <p>Limit: one row per bidder and auction stays after the auction is settled; they are small, and kept because an
 * offer may come days later.
 */
@Component
public class RunnerUps {

    /**
     * @param eventId the auction event in which the bidder first committed to {@code amount}
     */
    public record RunnerUp(String bidderId, long amount, String eventId) {
    }

    private final JdbcTemplate jdbc;

    RunnerUps(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** A bidder committed to {@code amount} in event {@code seq}; kept only when it beats what they committed to. */
    public void committed(String auctionId, String bidderId, long amount, String eventId, long seq) {
        if (raise(auctionId, bidderId, amount, eventId, seq) > 0) {
            return;
        }
        try {
            jdbc.update("INSERT INTO bid_commitment (auction_id, bidder_id, amount, event_id, seq)"
                    + " VALUES (?, ?, ?, ?, ?)", auctionId, bidderId, amount, eventId, seq);
        } catch (DuplicateKeyException e) {
            // The bidder's row holds as much or more already (or was inserted concurrently): fold into it.
            raise(auctionId, bidderId, amount, eventId, seq);
        }
    }

    private int raise(String auctionId, String bidderId, long amount, String eventId, long seq) {
        return jdbc.update("UPDATE bid_commitment SET amount = ?, event_id = ?, seq = ?"
                + " WHERE auction_id = ? AND bidder_id = ? AND amount < ?",
                amount, eventId, seq, auctionId, bidderId, amount);
    }

    /** The highest commitment of a bidder other than the winner; the earliest to reach it among equals. */
    public Optional<RunnerUp> of(String auctionId, String winnerId) {
        List<RunnerUp> best = jdbc.query("SELECT bidder_id, amount, event_id FROM bid_commitment"
                        + " WHERE auction_id = ? AND bidder_id <> ? ORDER BY amount DESC, seq ASC LIMIT 1",
                (row, i) -> new RunnerUp(row.getString(1), row.getLong(2), row.getString(3)), auctionId, winnerId);
        return best.stream().findFirst();
    }
}
