package io.gream.analytics;

import io.gream.contracts.AuctionCancelled;
import io.gream.contracts.AuctionClosed;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.AuctionExtended;
import io.gream.contracts.AuctionOpened;
import io.gream.contracts.BidAccepted;
import io.gream.contracts.BidRaisedByProxy;
import io.gream.contracts.BidRejected;
import io.gream.contracts.CloseOutcome;
import io.gream.contracts.CommandRejected;
import io.gream.contracts.Item;
import io.gream.contracts.RejectionReason;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Events as the bid-engine writes them, reduced to what the analytics read. */
final class AnalyticsEvents {

    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private AnalyticsEvents() {
    }

    static BidAccepted accepted(String auctionId, long seq, Instant at) {
        return new BidAccepted(auctionId + ":" + seq, auctionId, seq, at, "cmd-" + auctionId + "-" + seq,
                "bidder-" + seq, 1_000 + seq * 100, null, null, seq - 1, 1_100 + seq * 100);
    }

    static BidRejected rejected(String auctionId, String commandId, Instant at) {
        return new BidRejected(auctionId + ":cmd:" + commandId, auctionId, at, commandId, "bidder-x", 500,
                RejectionReason.BID_TOO_LOW, 1_100L);
    }

    static AuctionClosed closed(String auctionId, String brand, CloseOutcome outcome, Long price, Instant at) {
        Item item = new Item(brand, "Voucher", 10_000, LocalDate.parse("2027-06-30"));
        return new AuctionClosed(auctionId + ":9", auctionId, 9, at, null, "seller-1", item, outcome,
                outcome.hasWinner() ? "bidder-1" : null, price, price == null ? 0 : 1);
    }

    /** Every event type the analytics ignore. */
    static List<AuctionEvent> ignored(String auctionId, Instant at) {
        return List.of(
                new AuctionOpened(auctionId + ":1", auctionId, 1, at, "cmd-1", "seller-1",
                        new Item("Starbucks", "Americano", 4_500, LocalDate.parse("2027-06-30")), 1_000, 100, null,
                        null, at.plusSeconds(3_600), 60),
                new AuctionExtended(auctionId + ":2", auctionId, 2, at, "cmd-2",
                        at.plusSeconds(3_600), at.plusSeconds(3_660)),
                new AuctionCancelled(auctionId + ":3", auctionId, 3, at, "cmd-3", "seller-1"),
                // A raise the engine made within the leader's maximum: a price change, not a bid anyone placed.
                new BidRaisedByProxy(auctionId + ":4", auctionId, 4, at, "cmd-5", "bidder-1", 2_100, "bidder-2",
                        2_000, 2, 2_200),
                new CommandRejected(auctionId + ":cmd:cmd-4", auctionId, at, "cmd-4",
                        "CancelAuction", "bidder-2", RejectionReason.NOT_SELLER, "only the seller may cancel"));
    }
}
