package io.gream.ingress.auction;

import io.gream.contracts.AuctionCancelled;
import io.gream.contracts.AuctionOpened;
import io.gream.contracts.BidAccepted;
import io.gream.contracts.BidRejected;
import io.gream.contracts.CommandOutcome;
import io.gream.contracts.CommandRejected;
import io.gream.contracts.Item;
import io.gream.contracts.RejectionReason;

import java.time.Instant;
import java.time.LocalDate;

/** Outcome events as the engine would decide them, for the engine stand-in to answer with. */
final class EngineOutcomes {

    static final Instant DECIDED_AT = Instant.parse("2030-01-01T00:00:00Z");
    static final Item VOUCHER = new Item("Starbucks", "Americano Tall", 4_500, LocalDate.parse("2030-12-31"));

    private EngineOutcomes() {
    }

    static BidAccepted accepted(String auctionId, String commandId, String bidderId, long amount) {
        return new BidAccepted(auctionId + ":2", auctionId, 2, DECIDED_AT, commandId, bidderId, amount, null, null,
                1, amount + 100);
    }

    static BidRejected rejected(String auctionId, String commandId, String bidderId, long amount,
                                RejectionReason reason, Long minNextBid) {
        return new BidRejected(CommandOutcome.rejectionEventId(auctionId, commandId), auctionId, DECIDED_AT,
                commandId, bidderId, amount, reason, minNextBid);
    }

    static AuctionOpened opened(String auctionId, String commandId, String sellerId) {
        return new AuctionOpened(auctionId + ":1", auctionId, 1, DECIDED_AT, commandId, sellerId, VOUCHER, 3_000,
                100, null, null, DECIDED_AT.plusSeconds(86_400), 60);
    }

    static AuctionCancelled cancelled(String auctionId, String commandId, String sellerId) {
        return new AuctionCancelled(auctionId + ":2", auctionId, 2, DECIDED_AT, commandId, sellerId);
    }

    static CommandRejected commandRejected(String auctionId, String commandId, String commandType, String actorId,
                                           RejectionReason reason, String detail) {
        return new CommandRejected(CommandOutcome.rejectionEventId(auctionId, commandId), auctionId, DECIDED_AT,
                commandId, commandType, actorId, reason, detail);
    }
}
