package io.gream.engine.topology;

import io.gream.contracts.BidHistoryEntry;
import io.gream.contracts.CommandOutcome;
import io.gream.engine.auction.Auction;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
    public static Optional<CommandOutcome> outcome(ReadOnlyKeyValueStore<String, CommandOutcome> decided,
                                                   String auctionId, String commandId) {
        return Optional.ofNullable(decided.get(DecidedCommands.key(auctionId, commandId)));
    }

    /** The auction's latest public bids and proxy raises, newest first, at most {@code limit}. */
    public static List<BidHistoryEntry> bidHistory(ReadOnlyKeyValueStore<String, BidHistoryEntry> history,
                                                   String auctionId, int limit) {
        return BidHistory.newestFirst(history, auctionId, limit);
    }

    /**
     * Open auctions of one partition ending before {@code endingBefore}, soonest first, at most {@code limit}:
     * read from the deadline index, where open auctions wait to be closed, never from a scan of all auctions.
     *
     * @param after  when not {@code null}, only auctions strictly after this position in the index (end, then id):
     *               the position of the last auction of the previous page, so pages neither skip nor repeat
     * @param brand  when not {@code null}, only auctions of this brand (ignoring case); the others are read and
     *               passed over, so a rare brand costs a longer walk of the index
     */
    public static List<Auction> openEndingBefore(ReadOnlyKeyValueStore<DeadlineKey, DeadlineAction> deadlines,
                                                 ReadOnlyKeyValueStore<String, Auction> auctions,
                                                 Instant endingBefore, DeadlineKey after, String brand, int limit) {
        List<Auction> open = new ArrayList<>();
        try (KeyValueIterator<DeadlineKey, DeadlineAction> entries = after == null ? deadlines.all()
                : deadlines.range(after, null)) {
            while (entries.hasNext() && open.size() < limit) {
                KeyValue<DeadlineKey, DeadlineAction> entry = entries.next();
                if (!entry.key.dueAt().isBefore(endingBefore)) {
                    break;
                }
                if (entry.value != DeadlineAction.CLOSE || entry.key.equals(after)) {
                    continue;
                }
                if (auctions.get(entry.key.auctionId()) instanceof Auction.Open auction
                        && (brand == null || auction.terms().item().brand().equalsIgnoreCase(brand))) {
                    open.add(auction);
                }
            }
        }
        return open;
    }

    /** The order of the deadline index (ids are ASCII, so {@code String} order is their byte order). */
    public static final Comparator<DeadlineKey> INDEX_ORDER =
            Comparator.comparingLong(DeadlineKey::dueAtMillis).thenComparing(DeadlineKey::auctionId);

    /** Where an auction ending at {@code endsAt} sits in the deadline index: the order of every open-auction list. */
    public static DeadlineKey position(Instant endsAt, String auctionId) {
        return DeadlineKey.of(endsAt, auctionId);
    }
}
