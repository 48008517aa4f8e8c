package io.gream.engine.topology;

import io.gream.contracts.AuctionEvent;
import io.gream.contracts.CommandOutcome;
import io.gream.engine.auction.Auction;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Read-only questions that interactive queries ask of one partition's stores, kept next to the code that writes
 * the stores so their key layout has a single owner.
 */
public final class AuctionStoreQueries {

    private AuctionStoreQueries() {
    }

    /** The outcome recorded for a command, if it has been decided (and not purged). */
    public static Optional<CommandOutcome> outcome(ReadOnlyKeyValueStore<String, AuctionEvent> decided,
                                                   String auctionId, String commandId) {
        return Optional.ofNullable((CommandOutcome) decided.get(DecidedCommands.key(auctionId, commandId)));
    }

    /**
     * Open auctions of one partition ending before {@code endingBefore}, soonest first, at most {@code limit}:
     * read from the front of the deadline index, where open auctions wait to be closed, never from a scan of all
     * auctions.
     */
    public static List<Auction> openEndingBefore(ReadOnlyKeyValueStore<DeadlineKey, DeadlineAction> deadlines,
                                                 ReadOnlyKeyValueStore<String, Auction> auctions,
                                                 Instant endingBefore, int limit) {
        List<Auction> open = new ArrayList<>();
        try (KeyValueIterator<DeadlineKey, DeadlineAction> entries = deadlines.all()) {
            while (entries.hasNext() && open.size() < limit) {
                KeyValue<DeadlineKey, DeadlineAction> entry = entries.next();
                if (!entry.key.dueAt().isBefore(endingBefore)) {
                    break;
                }
                if (entry.value == DeadlineAction.CLOSE) {
                    Auction auction = auctions.get(entry.key.auctionId());
                    if (auction instanceof Auction.Open) {
                        open.add(auction);
                    }
                }
            }
        }
        return open;
    }
}
