package io.gream.notifier.testing;

import io.gream.contracts.AuctionClosed;
import io.gream.contracts.BidAccepted;
import io.gream.contracts.CloseOutcome;
import io.gream.contracts.Item;
import io.gream.contracts.SettlementCompleted;
import io.gream.contracts.SettlementEvent;
import io.gream.contracts.SettlementFailed;

import java.time.Instant;
import java.time.LocalDate;

/** Builds the events the engine and the settlement-worker publish, with explicit times. */
public final class Events {

    public static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    public static final Item ITEM = new Item("Starbucks", "Americano Tall", 4_500, LocalDate.parse("2027-06-30"));

    private Events() {
    }

    /** The {@code seq}-th event of the auction: an accepted bid displacing {@code previousLeader} (may be null). */
    public static BidAccepted bid(String auctionId, long seq, String bidder, long amount, String previousLeader,
                                  Long previousAmount) {
        return new BidAccepted(auctionId + ":" + seq, auctionId, seq, T0.plusSeconds(seq), "c-" + seq, bidder, amount,
                previousLeader, previousAmount, seq - 1, amount + 100);
    }

    public static AuctionClosed sold(String auctionId, long seq, String seller, String winner, long price) {
        return new AuctionClosed(auctionId + ":" + seq, auctionId, seq, T0.plusSeconds(3600), null, seller, ITEM,
                CloseOutcome.SOLD, winner, price, 3);
    }

    public static AuctionClosed unsold(String auctionId, long seq, String seller, CloseOutcome outcome) {
        return new AuctionClosed(auctionId + ":" + seq, auctionId, seq, T0.plusSeconds(3600), null, seller, ITEM,
                outcome, null, null, outcome == CloseOutcome.NO_BIDS ? 0 : 2);
    }

    public static SettlementCompleted settled(String auctionId, String seller, String winner, long price) {
        long fee = price / 10;
        return new SettlementCompleted(SettlementEvent.eventId(auctionId), auctionId, T0.plusSeconds(3700),
                auctionId + ":9", winner, seller, price, fee, price - fee, "KRW", "pay-" + auctionId);
    }

    public static SettlementFailed paymentFailed(String auctionId, String seller, String winner, long price) {
        return new SettlementFailed(SettlementEvent.eventId(auctionId), auctionId, T0.plusSeconds(3700),
                auctionId + ":9", winner, seller, price, "KRW", "CARD_DECLINED", "The card was declined.");
    }
}
