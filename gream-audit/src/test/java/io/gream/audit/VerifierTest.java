package io.gream.audit;

import io.gream.contracts.AuctionClosed;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.BidAccepted;
import io.gream.contracts.BidRejected;
import io.gream.contracts.CloseOutcome;
import io.gream.contracts.RejectionReason;
import io.gream.contracts.SettlementCompleted;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class VerifierTest {

    private final Verifier verifier = new Verifier();

    @Test
    void replayDecidesTheHandBuiltHistoryAsTheEngineWould() {
        List<AuctionEvent> events = new Replay().run(LogHistory.intact().commands);

        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("AuctionOpened",
                "BidAccepted", "BidRejected", "BidAccepted", "AuctionClosed", "BidRejected");
        AuctionClosed closed = (AuctionClosed) events.get(4);
        assertThat(closed.outcome()).isEqualTo(CloseOutcome.SOLD);
        assertThat(closed.winnerId()).isEqualTo("b2");
        assertThat(closed.price()).isEqualTo(1_100L);
        assertThat(closed.at()).isEqualTo(LogHistory.T0.plusMillis(10_000));
        assertThat(((BidRejected) events.get(5)).reason()).isEqualTo(RejectionReason.AUCTION_CLOSED);
    }

    @Test
    void everyCheckPassesOnAnIntactHistory() {
        List<Check> checks = verifier.verify(LogHistory.intact().records());

        assertThat(checks).hasSize(9).allSatisfy(check -> assertThat(check.passed()).as(check.line()).isTrue());
        assertThat(Check.firstDifference(checks)).isEmpty();
    }

    @Test
    void anEventIdTwiceFails() {
        LogHistory h = LogHistory.intact();
        LogRecords.Event accepted = h.events.get(1);
        h.events.add(new LogRecords.Event(0, 99, accepted.value()));

        assertThat(verifier.noEventIdTwice(h.records()).passed()).isFalse();
    }

    @Test
    void anIdenticalSettlementRepeatIsAllowedButOneWithOtherContentFails() {
        LogHistory h = LogHistory.intact();
        SettlementCompleted first = (SettlementCompleted) h.settlementEvents.get(0);
        h.settlementEvents.add(first);
        assertThat(verifier.noEventIdTwice(h.records()).passed()).as("a republish after a crash").isTrue();

        h.settlementEvents.add(new SettlementCompleted(first.eventId(), first.auctionId(), first.at(),
                first.closeEventId(), first.winnerId(), first.sellerId(), first.price() + 1, first.fee(),
                first.sellerProceeds() + 1, first.currency(), first.paymentKey()));
        assertThat(verifier.noEventIdTwice(h.records()).passed()).isFalse();
    }

    @Test
    void aSeqGapFails() {
        LogHistory h = LogHistory.intact();
        h.events.removeIf(e -> e.value() instanceof BidAccepted a && a.commandId().equals("c1"));

        assertThat(verifier.seqGaplessPerAuction(h.records()).passed()).isFalse();
    }

    @Test
    void aDueAuctionThatNeverClosedFails() {
        LogHistory h = LogHistory.intact();
        h.events.removeIf(e -> e.value() instanceof AuctionClosed);

        assertThat(verifier.everyDueAuctionClosedOnce(h.records()).passed()).isFalse();
    }

    @Test
    void anAuctionClosedTwiceFails() {
        LogHistory h = LogHistory.intact();
        h.events.add(new LogRecords.Event(0, 99, h.events.get(4).value()));

        assertThat(verifier.everyDueAuctionClosedOnce(h.records()).passed()).isFalse();
    }

    @Test
    void aCloseBeforeAnEarlierBidWasDecidedFails() {
        LogHistory h = LogHistory.intact();
        // The close took the place of the last accepted bid, which was decided after it.
        LogRecords.Event accepted = h.events.get(3);
        LogRecords.Event close = h.events.get(4);
        h.events.set(3, new LogRecords.Event(0, accepted.offset(), close.value()));
        h.events.set(4, new LogRecords.Event(0, close.offset(), accepted.value()));

        assertThat(verifier.noCloseBeforeEarlierBids(h.records()).passed()).isFalse();
    }

    @Test
    void aWrongWinnerFails() {
        LogHistory h = LogHistory.intact();
        replace(h, AuctionClosed.class, c -> new AuctionClosed(c.eventId(), c.auctionId(), c.seq(), c.at(),
                c.commandId(), c.sellerId(), c.item(), c.outcome(), "b1", 1_000L, c.bidCount()));

        assertThat(verifier.winnersMatchReplay(h.records()).passed()).isFalse();
        assertThat(verifier.eventsMatchReplay(h.records()).passed()).isFalse();
    }

    @Test
    void anEventThatDiffersFromTheReplayInAnyFieldFails() {
        LogHistory h = LogHistory.intact();
        replace(h, BidAccepted.class, a -> new BidAccepted(a.eventId(), a.auctionId(), a.seq(), a.at().plusMillis(1),
                a.commandId(), a.bidderId(), a.amount(), a.previousLeaderId(), a.previousAmount(), a.bidCount(),
                a.minNextBid()));

        assertThat(verifier.winnersMatchReplay(h.records()).passed()).isTrue();
        assertThat(verifier.eventsMatchReplay(h.records()).passed()).isFalse();
    }

    @Test
    void aSoldAuctionWithoutSettlementFails() {
        LogHistory h = LogHistory.intact();
        h.settlements.clear();

        assertThat(verifier.oneSettlementPerSoldAuction(h.records()).passed()).isFalse();
    }

    @Test
    void aSecondSettlementRowFails() {
        LogHistory h = LogHistory.intact();
        h.settlements.add(h.settlements.get(0));

        assertThat(verifier.oneSettlementPerSoldAuction(h.records()).passed()).isFalse();
    }

    @Test
    void aSecondChargeUnderAnotherPaymentKeyFails() {
        LogHistory h = LogHistory.intact();
        SettlementCompleted first = (SettlementCompleted) h.settlementEvents.get(0);
        h.settlementEvents.add(new SettlementCompleted("a1:settlement-2", first.auctionId(), first.at(),
                first.closeEventId(), first.winnerId(), first.sellerId(), first.price(), first.fee(),
                first.sellerProceeds(), first.currency(), "sim-2"));

        assertThat(verifier.oneChargePerSoldAuction(h.records()).passed()).isFalse();
    }

    @Test
    void aRepublishedCompletionWithTheSamePaymentKeyIsOneCharge() {
        LogHistory h = LogHistory.intact();
        SettlementCompleted first = (SettlementCompleted) h.settlementEvents.get(0);
        h.settlementEvents.add(new SettlementCompleted("a1:settlement-again", first.auctionId(), first.at(),
                first.closeEventId(), first.winnerId(), first.sellerId(), first.price(), first.fee(),
                first.sellerProceeds(), first.currency(), first.paymentKey()));

        assertThat(verifier.oneChargePerSoldAuction(h.records()).passed()).isTrue();
    }

    @Test
    void anUnbalancedJournalFails() {
        LogHistory h = LogHistory.intact();
        h.ledger.remove(2);

        assertThat(verifier.ledgerBalanced(h.records()).passed()).isFalse();
    }

    @Test
    void aSeqGapIsNamedByAuctionPlaceInTheLogAndExpectedSeq() {
        LogHistory h = LogHistory.intact();
        h.events.removeIf(e -> e.value() instanceof BidAccepted a && a.commandId().equals("c1"));

        assertThat(Check.firstDifference(verifier.verify(h.records())))
                .contains("seq gapless per auction: a1 at partition 0 offset 3: seq 3, expected 2");
    }

    @Test
    void aWrongWinnerIsNamedWithWhatWasFoundAndWhatTheReplayExpects() {
        LogHistory h = LogHistory.intact();
        replace(h, AuctionClosed.class, c -> new AuctionClosed(c.eventId(), c.auctionId(), c.seq(), c.at(),
                c.commandId(), c.sellerId(), c.item(), c.outcome(), "b1", 1_000L, c.bidCount()));

        List<Check> checks = verifier.verify(h.records());

        assertThat(Check.firstDifference(checks)).contains("winners and prices equal a sequential replay: "
                + "a1 closed at seq 4: found SOLD to b1 at 1000, replay expects SOLD to b2 at 1100");
        assertThat(verifier.eventsMatchReplay(h.records()).examples()).singleElement().asString()
                .startsWith("a1 event 5 (seq 4 at partition 0 offset 4): found AuctionClosed[")
                .contains("winnerId=b1", "replay expects AuctionClosed[", "winnerId=b2");
    }

    @Test
    void aChargeOfSomeoneOtherThanTheWinnerFails() {
        LogHistory h = LogHistory.intact();
        SettlementCompleted first = (SettlementCompleted) h.settlementEvents.get(0);
        h.settlementEvents.set(0, new SettlementCompleted(first.eventId(), first.auctionId(), first.at(),
                first.closeEventId(), "b1", first.sellerId(), first.price(), first.fee(), first.sellerProceeds(),
                first.currency(), first.paymentKey()));

        Check charge = verifier.oneChargePerSoldAuction(h.records());

        assertThat(charge.passed()).isFalse();
        assertThat(charge.examples()).contains("a1 charged b1 1100, but it closed SOLD to b2 at 1100");
    }

    @Test
    void withoutTheDatabaseTheTableAndLedgerChecksAreLeftOutNotPassed() {
        LogHistory h = LogHistory.intact();
        LogRecords logOnly = new LogRecords(h.commands, h.events, h.settlementEvents, List.of(), List.of(), false);

        assertThat(verifier.verify(logOnly)).extracting(Check::name)
                .doesNotContain("exactly one settlement per sold auction", "ledger balanced")
                .contains("one charge per sold auction");
        assertThat(verifier.verify(logOnly)).allSatisfy(check -> assertThat(check.passed()).as(check.line()).isTrue());
    }

    private static <E extends AuctionEvent> void replace(LogHistory h, Class<E> type, Function<E, E> change) {
        h.events.replaceAll(e -> type.isInstance(e.value())
                ? new LogRecords.Event(e.partition(), e.offset(), change.apply(type.cast(e.value()))) : e);
    }
}
