package io.gream.ingress.auction;

import io.gream.contracts.BidHistoryEntry;

import java.util.List;

/** An auction's public bids and proxy raises, newest first; amounts are shown, maximums never. */
record BidHistoryResponse(List<BidHistoryEntry> bids) {
}
