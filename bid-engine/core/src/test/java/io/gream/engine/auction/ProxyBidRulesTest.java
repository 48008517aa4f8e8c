package io.gream.engine.auction;

import io.gream.contracts.AuctionClosed;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.AuctionExtended;
import io.gream.contracts.BidAccepted;
import io.gream.contracts.BidRaisedByProxy;
import io.gream.contracts.BidRejected;
import io.gream.contracts.CloseOutcome;
import io.gream.contracts.GreamJson;
import io.gream.contracts.PlaceBid;
import io.gream.contracts.RejectionReason;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static io.gream.contracts.RejectionReason.ALREADY_LEADING;
import static io.gream.contracts.RejectionReason.AMOUNT_TOO_HIGH;
import static io.gream.contracts.RejectionReason.BID_TOO_LOW;
import static io.gream.engine.auction.AuctionFixtures.ALICE;
import static io.gream.engine.auction.AuctionFixtures.AUCTION;
import static io.gream.engine.auction.AuctionFixtures.BOB;
import static io.gream.engine.auction.AuctionFixtures.CAROL;
import static io.gream.engine.auction.AuctionFixtures.ENDS_AT;
import static io.gream.engine.auction.AuctionFixtures.LIMITS;
import static io.gream.engine.auction.AuctionFixtures.SELLER;
import static io.gream.engine.auction.AuctionFixtures.VOUCHER;
import static io.gream.engine.auction.AuctionFixtures.after;
import static io.gream.engine.auction.AuctionFixtures.bid;
import static io.gream.engine.auction.AuctionFixtures.given;
import static io.gream.engine.auction.AuctionFixtures.opened;
import static io.gream.engine.auction.AuctionFixtures.proxyBid;
import static io.gream.engine.auction.AuctionFixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proxy-bidding rules of {@code docs/rules.md}: given a history built from commands (maximums are in no event),
 * when a bid arrives at a broker time, then exactly these events and this secret state. The default auction starts
 * at 1 000 with steps of 100.
 */
class ProxyBidRulesTest {

    private static final Instant T1 = Instant.parse("2026-11-22T11:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-22T11:05:00Z");
    private static final Instant T3 = Instant.parse("2026-11-22T11:10:00Z");

    private final AuctionRules rules = AuctionFixtures.rules();

    private Decision when(Optional<Auction> state, PlaceBid command, Instant at) {
        return rules.decide(state, command, at, Optional.empty());
    }

    private static void assertEvents(Decision decision, AuctionEvent... expected) {
        assertThat(decision.repeat()).isFalse();
        assertThat(decision.events()).containsExactly(expected);
        assertThat(decision.outcome()).isEqualTo(expected[0]);
    }

    private static BidAccepted accepted(long seq, Instant at, String commandId, String bidderId, long amount,
                                        String previousLeaderId, Long previousAmount, long bidCount) {
        return new BidAccepted(AUCTION + ":" + seq, AUCTION, seq, at, commandId, bidderId, amount, previousLeaderId,
                previousAmount, bidCount, amount + 100);
    }

    /** Accepted at a price proxy bidding set, not at the {@code offered} amount. */
    private static BidAccepted acceptedAt(long seq, Instant at, String commandId, String bidderId, long price,
                                          long offered, String previousLeaderId, Long previousAmount, long bidCount) {
        return new BidAccepted(AUCTION + ":" + seq, AUCTION, seq, at, commandId, bidderId, price, previousLeaderId,
                previousAmount, bidCount, price + 100, null, offered);
    }

    private static BidAccepted outbidAtOnce(long seq, Instant at, String commandId, String bidderId, long amount,
                                            String leaderId, long leaderPrice, long bidCount) {
        return new BidAccepted(AUCTION + ":" + seq, AUCTION, seq, at, commandId, bidderId, amount, leaderId,
                leaderPrice, bidCount, amount + 100, true, null);
    }

    private static BidRaisedByProxy raised(long seq, Instant at, String commandId, String leaderId, long price,
                                           String outbidId, long outbidAmount, long bidCount) {
        return new BidRaisedByProxy(AUCTION + ":" + seq, AUCTION, seq, at, commandId, leaderId, price, outbidId,
                outbidAmount, bidCount, price + 100);
    }

    private static BidRejected rejected(String commandId, String bidderId, long amount, Instant at,
                                        RejectionReason reason, long minNextBid) {
        return new BidRejected(AUCTION + ":cmd:" + commandId, AUCTION, at, commandId, bidderId, amount, reason,
                minNextBid);
    }

    /** Alice opened the bidding at {@code T1} with 1 000 and a maximum of {@code max}. */
    private static Optional<Auction> aliceLeadsWithMaximum(long max) {
        return after(given(opened()), proxyBid("cmd-alice", ALICE, 1_000, max), T1);
    }

    @Nested
    class PlacingAMaximum {

        @Test
        void aFirstProxyBidLeadsAtItsAmountAndKeepsItsMaximumSecret() {
            Decision decision = when(given(opened()), proxyBid("cmd-alice", ALICE, 1_000, 5_000), T1);

            assertEvents(decision, accepted(2, T1, "cmd-alice", ALICE, 1_000, null, null, 1));
            assertThat(decision.state().orElseThrow().leader())
                    .isEqualTo(new Bid(ALICE, 1_000, T1, "cmd-alice", 5_000L));
        }

        @Test
        void aPlainBidUnderTheLeadersMaximumIsOutbidAtOnceByOneIncrement() {
            Decision decision = when(aliceLeadsWithMaximum(5_000), bid("cmd-bob", BOB, 2_000), T2);

            assertEvents(decision,
                    outbidAtOnce(3, T2, "cmd-bob", BOB, 2_000, ALICE, 1_000, 2),
                    raised(4, T2, "cmd-bob", ALICE, 2_100, BOB, 2_000, 2));
            assertThat(decision.state().orElseThrow().leader())
                    .isEqualTo(new Bid(ALICE, 2_100, T1, "cmd-alice", 5_000L));
        }

        @Test
        void aProxyBidUnderTheLeadersMaximumRaisesTheLeaderToOneIncrementAboveIt() {
            Decision decision = when(aliceLeadsWithMaximum(5_000), proxyBid("cmd-bob", BOB, 1_100, 3_000), T2);

            assertEvents(decision,
                    outbidAtOnce(3, T2, "cmd-bob", BOB, 1_100, ALICE, 1_000, 2),
                    raised(4, T2, "cmd-bob", ALICE, 3_100, BOB, 1_100, 2));
        }

        @Test
        void theLeaderIsRaisedAtMostToTheirOwnMaximum() {
            Decision decision = when(aliceLeadsWithMaximum(3_050), proxyBid("cmd-bob", BOB, 1_100, 3_000), T2);

            assertThat(decision.events().get(1)).isEqualTo(raised(4, T2, "cmd-bob", ALICE, 3_050, BOB, 1_100, 2));
        }

        @Test
        void aHigherMaximumTakesTheLeadAtOneIncrementAboveTheBeatenMaximum() {
            Decision decision = when(aliceLeadsWithMaximum(3_000), proxyBid("cmd-bob", BOB, 1_100, 8_000), T2);

            assertEvents(decision, acceptedAt(3, T2, "cmd-bob", BOB, 3_100, 1_100, ALICE, 1_000L, 2));
            assertThat(decision.state().orElseThrow().leader())
                    .isEqualTo(new Bid(BOB, 3_100, T2, "cmd-bob", 8_000L));
        }

        @Test
        void aHigherMaximumWithinOneIncrementTakesTheLeadAtItsWholeMaximum() {
            Decision decision = when(aliceLeadsWithMaximum(3_000), proxyBid("cmd-bob", BOB, 1_100, 3_050), T2);

            assertEvents(decision, acceptedAt(3, T2, "cmd-bob", BOB, 3_050, 1_100, ALICE, 1_000L, 2));
        }

        @Test
        void aWinningBidThatOffersMoreThanOneIncrementAboveLeadsAtWhatItOffered() {
            Decision decision = when(aliceLeadsWithMaximum(3_000), proxyBid("cmd-bob", BOB, 5_000, 8_000), T2);

            assertEvents(decision, accepted(3, T2, "cmd-bob", BOB, 5_000, ALICE, 1_000L, 2));
        }

        @Test
        void aPlainBidAboveTheLeadersMaximumLeadsAtItsAmount() {
            Decision decision = when(aliceLeadsWithMaximum(3_000), bid("cmd-bob", BOB, 3_500), T2);

            assertEvents(decision, accepted(3, T2, "cmd-bob", BOB, 3_500, ALICE, 1_000L, 2));
            assertThat(decision.state().orElseThrow().leader()).isEqualTo(new Bid(BOB, 3_500, T2, "cmd-bob"));
        }

        @Test
        void aThirdBidderMeetsTheMaximumThatBeatTheSecond() {
            var state = after(aliceLeadsWithMaximum(5_000), proxyBid("cmd-bob", BOB, 1_100, 3_000), T2);

            Decision decision = when(state, proxyBid("cmd-carol", CAROL, 3_200, 6_000), T3);

            assertEvents(decision, acceptedAt(5, T3, "cmd-carol", CAROL, 5_100, 3_200, ALICE, 3_100L, 3));
        }

        @Test
        void aMaximumAboveTheCeilingIsTooHigh() {
            long ceiling = LIMITS.maxAmount();

            Decision decision = when(given(opened()), proxyBid("cmd-alice", ALICE, 1_000, ceiling + 1), T1);

            assertEvents(decision, rejected("cmd-alice", ALICE, 1_000, T1, AMOUNT_TOO_HIGH, 1_000));
        }

        @Test
        void noPublishedEventCarriesAMaximum() {
            var state = after(aliceLeadsWithMaximum(7_777), proxyBid("cmd-bob", BOB, 1_100, 6_543), T2);
            Decision decision = when(state, proxyBid("cmd-carol", CAROL, 6_700, 9_876), T3);

            String published = GreamJson.mapper().writeValueAsString(decision.events());

            assertThat(published).doesNotContain("7777", "6543", "9876", "maxAmount", "maximum");
        }
    }

    @Nested
    class Ties {

        @Test
        void anEqualMaximumIsAcceptedButTheEarlierOneKeepsTheLeadAtThatMaximum() {
            Decision decision = when(aliceLeadsWithMaximum(3_000), proxyBid("cmd-bob", BOB, 1_100, 3_000), T2);

            assertEvents(decision,
                    outbidAtOnce(3, T2, "cmd-bob", BOB, 1_100, ALICE, 1_000, 2),
                    raised(4, T2, "cmd-bob", ALICE, 3_000, BOB, 1_100, 2));
            assertThat(decision.state().orElseThrow().leader().bidderId()).isEqualTo(ALICE);
        }

        @Test
        void aPlainBidEqualToTheLeadersMaximumIsOutbidAtOnce() {
            Decision decision = when(aliceLeadsWithMaximum(3_000), bid("cmd-bob", BOB, 3_000), T2);

            assertEvents(decision,
                    outbidAtOnce(3, T2, "cmd-bob", BOB, 3_000, ALICE, 1_000, 2),
                    raised(4, T2, "cmd-bob", ALICE, 3_000, BOB, 3_000, 2));
        }

        @Test
        void afterATieAtTheMaximumTheNextBidMustExceedIt() {
            var state = after(aliceLeadsWithMaximum(3_000), bid("cmd-bob", BOB, 3_000), T2);

            Decision decision = when(state, bid("cmd-carol", CAROL, 3_050), T3);

            assertEvents(decision, rejected("cmd-carol", CAROL, 3_050, T3, BID_TOO_LOW, 3_100));
        }
    }

    @Nested
    class RaisingOnesOwnMaximum {

        @Test
        void theLeaderRaisesTheirMaximumWithoutMovingThePrice() {
            Decision decision = when(aliceLeadsWithMaximum(3_000), proxyBid("cmd-alice-2", ALICE, 1_100, 6_000),
                    T2);

            assertEvents(decision, acceptedAt(3, T2, "cmd-alice-2", ALICE, 1_000, 1_100, ALICE, 1_000L, 2));
            assertThat(decision.state().orElseThrow().leader())
                    .isEqualTo(new Bid(ALICE, 1_000, T1, "cmd-alice", 6_000L));
        }

        @Test
        void theRaisedMaximumDefendsAgainstTheNextBidder() {
            var state = after(aliceLeadsWithMaximum(3_000), proxyBid("cmd-alice-2", ALICE, 1_100, 6_000), T2);

            Decision decision = when(state, bid("cmd-bob", BOB, 4_000), T3);

            assertThat(decision.events().get(1)).isEqualTo(raised(5, T3, "cmd-bob", ALICE, 4_100, BOB, 4_000, 3));
        }

        @Test
        void aRaiseThatDoesNotExceedTheCurrentMaximumIsAlreadyLeading() {
            Decision decision = when(aliceLeadsWithMaximum(3_000), proxyBid("cmd-alice-2", ALICE, 1_100, 3_000),
                    T2);

            assertEvents(decision, rejected("cmd-alice-2", ALICE, 1_100, T2, ALREADY_LEADING, 1_100));
        }

        @Test
        void aPlainBidFromAProxyLeaderIsStillAlreadyLeading() {
            Decision decision = when(aliceLeadsWithMaximum(3_000), bid("cmd-alice-2", ALICE, 9_000), T2);

            assertEvents(decision, rejected("cmd-alice-2", ALICE, 9_000, T2, ALREADY_LEADING, 1_100));
        }

        @Test
        void aRaiseMustStillOfferMinNextBid() {
            Decision decision = when(aliceLeadsWithMaximum(3_000), proxyBid("cmd-alice-2", ALICE, 1_000, 6_000),
                    T2);

            assertEvents(decision, rejected("cmd-alice-2", ALICE, 1_000, T2, BID_TOO_LOW, 1_100));
        }

        @Test
        void aRaiseThatMeetsTheReserveLiftsThePriceToTheReserve() {
            var reserve = terms().reservePrice(2_000L);
            var state = after(given(reserve.opened()), proxyBid("cmd-alice", ALICE, 1_000, 1_500), T1);

            Decision decision = when(state, proxyBid("cmd-alice-2", ALICE, 1_100, 2_500), T2);

            assertEvents(decision, acceptedAt(3, T2, "cmd-alice-2", ALICE, 2_000, 1_100, ALICE, 1_000L, 2));
        }

        @Test
        void aRaiseInsideTheSoftCloseWindowDoesNotExtend() {
            var softClose = terms().softCloseSeconds(60);
            var state = after(given(softClose.opened()), proxyBid("cmd-alice", ALICE, 1_000, 3_000), T1);

            Decision decision = when(state, proxyBid("cmd-alice-2", ALICE, 1_100, 6_000), ENDS_AT.minusSeconds(5));

            assertThat(decision.events()).extracting(Object::getClass).containsExactly(BidAccepted.class);
        }
    }

    @Nested
    class Reserve {

        private final AuctionFixtures.Terms reserve = terms().reservePrice(2_500L);

        @Test
        void aFirstMaximumThatMeetsTheReserveLiftsThePriceToTheReserveAtOnce() {
            Decision decision = when(given(reserve.opened()), proxyBid("cmd-alice", ALICE, 1_000, 3_000), T1);

            assertEvents(decision, acceptedAt(2, T1, "cmd-alice", ALICE, 2_500, 1_000, null, null, 1));
        }

        @Test
        void aMaximumBelowTheReserveLeavesThePriceAtTheAmountAndDoesNotSell() {
            var state = after(given(reserve.opened()), proxyBid("cmd-alice", ALICE, 1_000, 2_400), T1);

            assertThat(state.orElseThrow().leader().amount()).isEqualTo(1_000);
            assertThat(rules.closeIfDue(state.orElseThrow(), ENDS_AT).orElseThrow().outcome())
                    .isEqualTo(CloseOutcome.RESERVE_NOT_MET);
        }

        @Test
        void aChallengerWhoseMaximumMeetsTheReserveLeadsAtTheReserve() {
            var state = after(given(reserve.opened()), proxyBid("cmd-alice", ALICE, 1_000, 1_500), T1);

            Decision decision = when(state, proxyBid("cmd-bob", BOB, 1_100, 4_000), T2);

            assertEvents(decision, acceptedAt(3, T2, "cmd-bob", BOB, 2_500, 1_100, ALICE, 1_000L, 2));
        }

        @Test
        void aPlainBidBelowTheReserveIsNotLifted() {
            Decision decision = when(given(reserve.opened()), bid("cmd-alice", ALICE, 1_000), T1);

            assertEvents(decision, accepted(2, T1, "cmd-alice", ALICE, 1_000, null, null, 1));
        }

        @Test
        void aMaximumThatMetTheReserveSellsAtTheReserve() {
            var state = after(given(reserve.opened()), proxyBid("cmd-alice", ALICE, 1_000, 3_000), T1);

            AuctionClosed closed = rules.closeIfDue(state.orElseThrow(), ENDS_AT).orElseThrow();

            assertThat(closed.outcome()).isEqualTo(CloseOutcome.SOLD);
            assertThat(closed.price()).isEqualTo(2_500L);
        }
    }

    @Nested
    class BuyNow {

        private final AuctionFixtures.Terms buyNow = terms().buyNowPrice(5_000L);

        @Test
        void aMaximumAtOrAboveTheBuyNowPriceAloneDoesNotBuy() {
            Decision decision = when(given(buyNow.opened()), proxyBid("cmd-alice", ALICE, 1_000, 9_000), T1);

            assertEvents(decision, accepted(2, T1, "cmd-alice", ALICE, 1_000, null, null, 1));
        }

        @Test
        void anAmountReachingBuyNowBuysAtOnceEvenAgainstAHigherMaximum() {
            var state = after(given(buyNow.opened()), proxyBid("cmd-alice", ALICE, 1_000, 9_000), T1);

            Decision decision = when(state, bid("cmd-bob", BOB, 5_000), T2);

            assertEvents(decision,
                    accepted(3, T2, "cmd-bob", BOB, 5_000, ALICE, 1_000L, 2),
                    new AuctionClosed(AUCTION + ":4", AUCTION, 4, T2, "cmd-bob", SELLER, VOUCHER,
                            CloseOutcome.BUY_NOW, BOB, 5_000L, 2));
        }

        @Test
        void competitionThatRaisesTheLeaderToBuyNowClosesAtTheBuyNowPrice() {
            var state = after(given(buyNow.opened()), proxyBid("cmd-alice", ALICE, 1_000, 9_000), T1);

            Decision decision = when(state, bid("cmd-bob", BOB, 4_950), T2);

            assertEvents(decision,
                    outbidAtOnce(3, T2, "cmd-bob", BOB, 4_950, ALICE, 1_000, 2),
                    raised(4, T2, "cmd-bob", ALICE, 5_000, BOB, 4_950, 2),
                    new AuctionClosed(AUCTION + ":5", AUCTION, 5, T2, "cmd-bob", SELLER, VOUCHER,
                            CloseOutcome.BUY_NOW, ALICE, 5_000L, 2));
        }

        @Test
        void aChallengerWhoseMaximumBeatsTheLeaderPastBuyNowBuysAtTheBuyNowPrice() {
            var state = after(given(buyNow.opened()), proxyBid("cmd-alice", ALICE, 1_000, 4_950), T1);

            Decision decision = when(state, proxyBid("cmd-bob", BOB, 1_100, 9_000), T2);

            assertEvents(decision,
                    acceptedAt(3, T2, "cmd-bob", BOB, 5_000, 1_100, ALICE, 1_000L, 2),
                    new AuctionClosed(AUCTION + ":4", AUCTION, 4, T2, "cmd-bob", SELLER, VOUCHER,
                            CloseOutcome.BUY_NOW, BOB, 5_000L, 2));
        }

        @Test
        void competitionBelowTheBuyNowPriceLeavesTheAuctionOpen() {
            var state = after(given(buyNow.opened()), proxyBid("cmd-alice", ALICE, 1_000, 4_800), T1);

            Decision decision = when(state, bid("cmd-bob", BOB, 4_600), T2);

            assertEvents(decision,
                    outbidAtOnce(3, T2, "cmd-bob", BOB, 4_600, ALICE, 1_000, 2),
                    raised(4, T2, "cmd-bob", ALICE, 4_700, BOB, 4_600, 2));
        }
    }

    @Nested
    class SoftClose {

        private final AuctionFixtures.Terms softClose = terms().softCloseSeconds(60);

        @Test
        void aProxyRaiseCausedByABidInsideTheWindowExtendsOnceLikeThatBid() {
            var state = after(given(softClose.opened()), proxyBid("cmd-alice", ALICE, 1_000, 5_000), T1);
            Instant inside = ENDS_AT.minusSeconds(10);

            Decision decision = when(state, bid("cmd-bob", BOB, 2_000), inside);

            assertEvents(decision,
                    outbidAtOnce(3, inside, "cmd-bob", BOB, 2_000, ALICE, 1_000, 2),
                    raised(4, inside, "cmd-bob", ALICE, 2_100, BOB, 2_000, 2),
                    new AuctionExtended(AUCTION + ":5", AUCTION, 5, inside, "cmd-bob", ENDS_AT,
                            inside.plusSeconds(60)));
        }

        @Test
        void aProxyRaiseOutsideTheWindowDoesNotExtend() {
            var state = after(given(softClose.opened()), proxyBid("cmd-alice", ALICE, 1_000, 5_000), T1);

            Decision decision = when(state, bid("cmd-bob", BOB, 2_000), ENDS_AT.minusSeconds(60));

            assertThat(decision.events()).extracting(Object::getClass)
                    .containsExactly(BidAccepted.class, BidRaisedByProxy.class);
        }
    }

    @Nested
    class Settling {

        @Test
        void theWinnerPaysTheVisiblePriceNeverTheirMaximum() {
            var state = after(aliceLeadsWithMaximum(5_000), bid("cmd-bob", BOB, 2_000), T2);

            AuctionClosed closed = rules.closeIfDue(state.orElseThrow(), ENDS_AT).orElseThrow();

            assertThat(closed).isEqualTo(new AuctionClosed(AUCTION + ":5", AUCTION, 5, ENDS_AT, null, SELLER,
                    VOUCHER, CloseOutcome.SOLD, ALICE, 2_100L, 2));
        }

        @Test
        void theClosedStateKeepsTheWinnersMaximumForTheWinnerAlone() {
            var state = after(aliceLeadsWithMaximum(5_000), bid("cmd-bob", BOB, 2_000), T2);
            AuctionClosed closed = rules.closeIfDue(state.orElseThrow(), ENDS_AT).orElseThrow();

            Auction auction = rules.evolve(state, closed).orElseThrow();

            assertThat(auction.leader().maximum()).isEqualTo(5_000);
        }
    }

    @Nested
    class State {

        @Test
        void foldingTheEventsGivesTheDecisionsStateExceptForTheSecretMaximum() {
            var state = aliceLeadsWithMaximum(5_000);
            Decision decision = when(state, proxyBid("cmd-bob", BOB, 1_100, 9_000), T2);

            Optional<Auction> folded = state;
            for (AuctionEvent event : decision.events()) {
                folded = rules.evolve(folded, event);
            }

            assertThat(folded.orElseThrow().leader()).isEqualTo(new Bid(BOB, 5_100, T2, "cmd-bob"));
            assertThat(decision.state().orElseThrow().leader())
                    .isEqualTo(new Bid(BOB, 5_100, T2, "cmd-bob", 9_000L));
        }

        @Test
        void forPlainBidsTheStateIsExactlyTheFoldOfTheEvents() {
            var state = after(given(opened()), bid("cmd-alice", ALICE, 1_000), T1);
            Decision decision = when(state, bid("cmd-bob", BOB, 1_500), T2);

            Optional<Auction> folded = state;
            for (AuctionEvent event : decision.events()) {
                folded = rules.evolve(folded, event);
            }

            assertThat(decision.state()).isEqualTo(folded);
        }
    }
}
