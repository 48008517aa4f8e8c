package io.gream.ingress.auction;

import io.gream.contracts.BidHistoryEntry;
import io.gream.ingress.pseudonym.Pseudonyms;

import java.util.List;

/**
 * An auction's public bids and proxy raises, newest first; amounts are shown, maximums never. Bidders are named by
 * their alias in the auction; {@code you} is the caller's own, present only when they sent a token.
 */
record BidHistoryResponse(List<BidHistoryEntry> bids, String you) {

    static BidHistoryResponse of(String auctionId, List<BidHistoryEntry> bids, Pseudonyms pseudonyms,
                                 String viewerId) {
        return new BidHistoryResponse(bids.stream()
                .map(bid -> new BidHistoryEntry(bid.seq(), bid.at(), pseudonyms.alias(auctionId, bid.bidderId()),
                        bid.amount(), bid.byProxy(), bid.outbidAtOnce()))
                .toList(), pseudonyms.alias(auctionId, viewerId));
    }
}
