package io.gream.docs.topics;

import io.gream.contracts.AcceptSecondChance;
import io.gream.contracts.AuctionClosed;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.BidAccepted;
import io.gream.contracts.BidRaisedByProxy;
import io.gream.contracts.DeclineSecondChance;
import io.gream.contracts.OfferSecondChance;
import io.gream.contracts.SecondChanceCompleted;
import io.gream.contracts.SecondChanceDeclined;
import io.gream.contracts.SecondChanceEvent;
import io.gream.contracts.SecondChanceExpired;
import io.gream.contracts.SecondChanceFailed;
import io.gream.contracts.SecondChanceOffered;
import io.gream.contracts.SecondChanceRejected;
import io.gream.contracts.SettlementEvent;
import io.gream.settlement.ledger.SaleSplit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A second-chance offer for the engine scenario's sold auction, as if its winner's card had been declined: the
 * commands the ingress would write and the events the settlement-worker would answer with. The runner-up is taken
 * from the scenario's public bid events, the way the worker finds it. Each outcome is shown, though an offer has only
 * one.
 */
final class SecondChanceExamples {

    private static final Duration OFFERED_AFTER = Duration.ofHours(1);
    private static final Duration ANSWERED_AFTER = Duration.ofHours(5);
    private static final Duration OFFER_WINDOW = Duration.ofHours(48);

    private SecondChanceExamples() {
    }

    static List<Object> of(List<AuctionEvent> decided) {
        List<Object> records = new ArrayList<>();
        for (AuctionEvent event : decided) {
            if (event instanceof AuctionClosed closed && closed.outcome().hasWinner()) {
                runnerUp(decided, closed).ifPresent(bid -> records.addAll(offer(closed, bid)));
            }
        }
        return records;
    }

    private static List<Object> offer(AuctionClosed closed, Commitment runnerUp) {
        String auctionId = closed.auctionId();
        Instant offeredAt = closed.at().plus(OFFERED_AFTER);
        Instant answeredAt = offeredAt.plus(ANSWERED_AFTER);
        String outcome = SecondChanceEvent.outcomeEventId(auctionId);
        SaleSplit split = SettlementExamples.DEFAULT_FEES.split(runnerUp.amount());
        return List.of(
                new OfferSecondChance("cmd-sc01", auctionId, closed.sellerId()),
                new SecondChanceOffered(SecondChanceEvent.offeredEventId(auctionId), auctionId, offeredAt, "cmd-sc01",
                        closed.sellerId(), runnerUp.bidderId(), runnerUp.amount(), "KRW", runnerUp.eventId(),
                        SettlementEvent.eventId(auctionId), offeredAt.plus(OFFER_WINDOW)),
                new DeclineSecondChance("cmd-sc02", auctionId, closed.winnerId()),
                new SecondChanceRejected(SecondChanceEvent.rejectedEventId(auctionId, "cmd-sc02"), auctionId,
                        answeredAt.minusSeconds(60), "cmd-sc02", "DeclineSecondChance", closed.winnerId(),
                        SecondChanceRejected.Reason.NOT_RUNNER_UP, "only the runner-up may answer the offer"),
                new AcceptSecondChance("cmd-sc03", auctionId, runnerUp.bidderId()),
                new SecondChanceCompleted(outcome, auctionId, answeredAt.plusMillis(1_320), "cmd-sc03",
                        closed.sellerId(), runnerUp.bidderId(), runnerUp.amount(), split.fee(), split.sellerProceeds(),
                        "KRW", "sim-2"),
                new SecondChanceFailed(outcome, auctionId, answeredAt.plusMillis(1_320), "cmd-sc03",
                        closed.sellerId(), runnerUp.bidderId(), runnerUp.amount(), "KRW", "CARD_DECLINED",
                        "The card issuer declined the charge"),
                new DeclineSecondChance("cmd-sc04", auctionId, runnerUp.bidderId()),
                new SecondChanceDeclined(outcome, auctionId, answeredAt, "cmd-sc04", closed.sellerId(),
                        runnerUp.bidderId(), runnerUp.amount(), "KRW"),
                new SecondChanceExpired(outcome, auctionId, offeredAt.plus(OFFER_WINDOW), closed.sellerId(),
                        runnerUp.bidderId(), runnerUp.amount(), "KRW"));
    }

    /** The most a bidder other than the winner committed to in the auction's events; the earliest among equals. */
    private static Optional<Commitment> runnerUp(List<AuctionEvent> decided, AuctionClosed closed) {
        Commitment best = null;
        for (AuctionEvent event : decided) {
            Commitment seen = null;
            if (event instanceof BidAccepted bid && bid.auctionId().equals(closed.auctionId())) {
                seen = new Commitment(bid.bidderId(), Math.max(bid.amount(), bid.offered()), bid.eventId());
            } else if (event instanceof BidRaisedByProxy raise && raise.auctionId().equals(closed.auctionId())) {
                seen = new Commitment(raise.bidderId(), raise.amount(), raise.eventId());
            }
            if (seen != null && !seen.bidderId().equals(closed.winnerId())
                    && (best == null || seen.amount() > best.amount())) {
                best = seen;
            }
        }
        return Optional.ofNullable(best);
    }

    private record Commitment(String bidderId, long amount, String eventId) {
    }
}
