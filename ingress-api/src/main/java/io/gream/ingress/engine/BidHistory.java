package io.gream.ingress.engine;

import io.gream.contracts.BidHistoryEntry;

import java.util.List;

/** The engine's {@code GET /auctions/{id}/bids} answer: public bids and proxy raises, newest first. */
record BidHistory(List<BidHistoryEntry> bids) {

    BidHistory {
        bids = bids == null ? List.of() : List.copyOf(bids);
    }
}
