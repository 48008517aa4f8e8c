package io.gream.engine.topology;

import io.gream.engine.auction.Auction;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Auction state by id, kept consistent with the deadline index: an open auction is indexed at its
 * {@code endsAt} to be closed, an ended one at its end plus the retention period to be purged. Every change of
 * state goes through {@link #save} so the two stores never disagree.
 */
final class AuctionBook {

    private final KeyValueStore<String, Auction> auctions;
    private final DeadlineIndex deadlines;
    private final Duration retention;

    AuctionBook(KeyValueStore<String, Auction> auctions, DeadlineIndex deadlines, Duration retention) {
        this.auctions = auctions;
        this.deadlines = deadlines;
        this.retention = retention;
    }

    Optional<Auction> find(String auctionId) {
        return Optional.ofNullable(auctions.get(auctionId));
    }

    void save(Optional<Auction> before, Auction after) {
        auctions.put(after.auctionId(), after);
        Instant dueBefore = before.map(this::dueAt).orElse(null);
        Instant dueAfter = dueAt(after);
        if (!dueAfter.equals(dueBefore)) {
            if (dueBefore != null) {
                deadlines.remove(dueBefore, after.auctionId());
            }
            deadlines.add(dueAfter, after.auctionId(),
                    after instanceof Auction.Open ? DeadlineAction.CLOSE : DeadlineAction.PURGE);
        }
    }

    /** Drops the index entry of an auction whose retention has run out; the auction itself stays queryable. */
    void retire(Auction auction) {
        deadlines.remove(dueAt(auction), auction.auctionId());
    }

    private Instant dueAt(Auction auction) {
        if (auction instanceof Auction.Open open) {
            return open.endsAt();
        }
        if (auction instanceof Auction.Closed closed) {
            return closed.closedAt().plus(retention);
        }
        return ((Auction.Cancelled) auction).cancelledAt().plus(retention);
    }
}
