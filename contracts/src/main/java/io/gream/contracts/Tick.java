package io.gream.contracts;

/**
 * A clock record the bid-engine appends to a partition of {@code gream.auction-commands}.
 *
 * <p>Its only content is its broker timestamp: processing it tells the engine that every command appended to that
 * partition before it has been decided, so auctions due by then can close, even on a partition no user writes to.
 * A tick is not a command: it yields no event and no {@code seq}.
 *
 * @param partition the partition it was written to, so the engine's partitioner can send it back there
 */
public record Tick(int partition) implements CommandLogEntry {

    public Tick {
        if (partition < 0) {
            throw new IllegalArgumentException("partition must not be negative");
        }
    }
}
