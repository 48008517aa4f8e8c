package io.gream.contracts;

import java.time.Instant;

/** The auction exists and takes bids until {@code endsAt}. Always {@code seq = 1}. */
public record AuctionOpened(
        String eventId,
        String auctionId,
        long seq,
        Instant at,
        String commandId,
        String sellerId,
        Item item,
        long startPrice,
        long minIncrement,
        Long reservePrice,
        Long buyNowPrice,
        Instant endsAt,
        long softCloseSeconds) implements SequencedEvent, CommandOutcome {

    @Override
    public boolean accepted() {
        return true;
    }
}
