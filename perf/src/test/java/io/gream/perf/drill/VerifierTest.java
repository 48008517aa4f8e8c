package io.gream.perf.drill;

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
        List<AuctionEvent> events = new Replay().run(DrillHistory.intact().commands);

        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("AuctionOpened",
                "BidAccepted", "BidRejected", "BidAccepted", "AuctionClosed", "BidRejected");
        AuctionClosed closed = (AuctionClosed) events.get(4);
        assertThat(closed.outcome()).isEqualTo(CloseOutcome.SOLD);
        assertThat(closed.winnerId()).isEqualTo("b2");
        assertThat(closed.price()).isEqualTo(1_100L);
        assertThat(closed.at()).isEqualTo(DrillHistory.T0.plusMillis(10_000));
        assertThat(((BidRejected) events.get(5)).reason()).isEqualTo(RejectionReason.AUCTION_CLOSED);
    }

    @Test
    void everyCheckPassesOnAnIntactHistory() {
        List<Check> checks = verifier.verify(DrillHistory.intact().records());

        assertThat(checks).hasSize(11).allSatisfy(check -> assertThat(check.passed()).as(check.line()).isTrue());
    }

    @Test
    void anAcknowledgedBidWithTheOtherOutcomeFails() {
        DrillHistory h = DrillHistory.intact();
        DrillRecords.Answer c2 = h.bids.get(1);
        h.bids.set(1, new DrillRecords.Answer(c2.sentMillis(), c2.answeredMillis(), c2.auctionId(), 0, 201, "c2"));

        assertThat(verifier.acknowledgedBidsHaveTheirOutcome(h.records()).passed()).isFalse();
    }

    @Test
    void anAcknowledgedBidWithoutItsEventFails() {
        DrillHistory h = DrillHistory.intact();
        h.events.removeIf(e -> e.value() instanceof BidRejected r && r.commandId().equals("c4"));

        assertThat(verifier.acknowledgedBidsHaveTheirOutcome(h.records()).passed()).isFalse();
    }

    @Test
    void anEventIdTwiceFails() {
        DrillHistory h = DrillHistory.intact();
        DrillRecords.Event accepted = h.events.get(1);
        h.events.add(new DrillRecords.Event(0, 99, accepted.value()));

        assertThat(verifier.noEventIdTwice(h.records()).passed()).isFalse();
        assertThat(verifier.acknowledgedBidsHaveTheirOutcome(h.records()).passed()).isFalse();
    }

    @Test
    void anIdenticalSettlementRepeatIsAllowedButOneWithOtherContentFails() {
        DrillHistory h = DrillHistory.intact();
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
        DrillHistory h = DrillHistory.intact();
        h.events.removeIf(e -> e.value() instanceof BidAccepted a && a.commandId().equals("c1"));

        assertThat(verifier.seqGaplessPerAuction(h.records()).passed()).isFalse();
    }

    @Test
    void aDueAuctionThatNeverClosedFails() {
        DrillHistory h = DrillHistory.intact();
        h.events.removeIf(e -> e.value() instanceof AuctionClosed);

        assertThat(verifier.everyDueAuctionClosedOnce(h.records()).passed()).isFalse();
    }

    @Test
    void anAuctionClosedTwiceFails() {
        DrillHistory h = DrillHistory.intact();
        h.events.add(new DrillRecords.Event(0, 99, h.events.get(4).value()));

        assertThat(verifier.everyDueAuctionClosedOnce(h.records()).passed()).isFalse();
    }

    @Test
    void aCloseBeforeAnEarlierBidWasDecidedFails() {
        DrillHistory h = DrillHistory.intact();
        // The close took the place of the last accepted bid, which was decided after it.
        DrillRecords.Event accepted = h.events.get(3);
        DrillRecords.Event close = h.events.get(4);
        h.events.set(3, new DrillRecords.Event(0, accepted.offset(), close.value()));
        h.events.set(4, new DrillRecords.Event(0, close.offset(), accepted.value()));

        assertThat(verifier.noCloseBeforeEarlierBids(h.records()).passed()).isFalse();
    }

    @Test
    void aWrongWinnerFails() {
        DrillHistory h = DrillHistory.intact();
        replace(h, AuctionClosed.class, c -> new AuctionClosed(c.eventId(), c.auctionId(), c.seq(), c.at(),
                c.commandId(), c.sellerId(), c.item(), c.outcome(), "b1", 1_000L, c.bidCount()));

        assertThat(verifier.winnersMatchReplay(h.records()).passed()).isFalse();
        assertThat(verifier.eventsMatchReplay(h.records()).passed()).isFalse();
    }

    @Test
    void anEventThatDiffersFromTheReplayInAnyFieldFails() {
        DrillHistory h = DrillHistory.intact();
        replace(h, BidAccepted.class, a -> new BidAccepted(a.eventId(), a.auctionId(), a.seq(), a.at().plusMillis(1),
                a.commandId(), a.bidderId(), a.amount(), a.previousLeaderId(), a.previousAmount(), a.bidCount(),
                a.minNextBid()));

        assertThat(verifier.winnersMatchReplay(h.records()).passed()).isTrue();
        assertThat(verifier.eventsMatchReplay(h.records()).passed()).isFalse();
    }

    @Test
    void aSoldAuctionWithoutSettlementFails() {
        DrillHistory h = DrillHistory.intact();
        h.settlements.clear();

        assertThat(verifier.oneSettlementPerSoldAuction(h.records()).passed()).isFalse();
    }

    @Test
    void aSecondSettlementRowFails() {
        DrillHistory h = DrillHistory.intact();
        h.settlements.add(h.settlements.get(0));

        assertThat(verifier.oneSettlementPerSoldAuction(h.records()).passed()).isFalse();
    }

    @Test
    void aSecondChargeUnderAnotherPaymentKeyFails() {
        DrillHistory h = DrillHistory.intact();
        SettlementCompleted first = (SettlementCompleted) h.settlementEvents.get(0);
        h.settlementEvents.add(new SettlementCompleted("a1:settlement-2", first.auctionId(), first.at(),
                first.closeEventId(), first.winnerId(), first.sellerId(), first.price(), first.fee(),
                first.sellerProceeds(), first.currency(), "sim-2"));

        assertThat(verifier.oneChargePerSoldAuction(h.records()).passed()).isFalse();
    }

    @Test
    void aRepublishedCompletionWithTheSamePaymentKeyIsOneCharge() {
        DrillHistory h = DrillHistory.intact();
        SettlementCompleted first = (SettlementCompleted) h.settlementEvents.get(0);
        h.settlementEvents.add(new SettlementCompleted("a1:settlement-again", first.auctionId(), first.at(),
                first.closeEventId(), first.winnerId(), first.sellerId(), first.price(), first.fee(),
                first.sellerProceeds(), first.currency(), first.paymentKey()));

        assertThat(verifier.oneChargePerSoldAuction(h.records()).passed()).isTrue();
    }

    @Test
    void anUnbalancedJournalFails() {
        DrillHistory h = DrillHistory.intact();
        h.ledger.remove(2);

        assertThat(verifier.ledgerBalanced(h.records()).passed()).isFalse();
    }

    @Test
    void aQueryAnswered500Fails() {
        DrillHistory h = DrillHistory.intact();
        h.queries.add(new DrillRecords.Answer(DrillHistory.millis(6_000), DrillHistory.millis(6_010),
                DrillHistory.AUCTION, 0, 500, null));

        assertThat(verifier.noServerErrors(h.records()).passed()).isFalse();
    }

    private static <E extends AuctionEvent> void replace(DrillHistory h, Class<E> type, Function<E, E> change) {
        h.events.replaceAll(e -> type.isInstance(e.value())
                ? new DrillRecords.Event(e.partition(), e.offset(), change.apply(type.cast(e.value()))) : e);
    }
}
