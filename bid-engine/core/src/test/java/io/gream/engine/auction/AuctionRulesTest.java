package io.gream.engine.auction;

import io.gream.contracts.AuctionCancelled;
import io.gream.contracts.AuctionClosed;
import io.gream.contracts.AuctionCommand;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.AuctionExtended;
import io.gream.contracts.AuctionOpened;
import io.gream.contracts.BidAccepted;
import io.gream.contracts.BidRejected;
import io.gream.contracts.CloseOutcome;
import io.gream.contracts.CommandRejected;
import io.gream.contracts.Item;
import io.gream.contracts.RejectionReason;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static io.gream.contracts.RejectionReason.ALREADY_LEADING;
import static io.gream.contracts.RejectionReason.AMOUNT_TOO_HIGH;
import static io.gream.contracts.RejectionReason.AUCTION_CLOSED;
import static io.gream.contracts.RejectionReason.AUCTION_EXISTS;
import static io.gream.contracts.RejectionReason.AUCTION_NOT_FOUND;
import static io.gream.contracts.RejectionReason.BID_TOO_LOW;
import static io.gream.contracts.RejectionReason.HAS_BIDS;
import static io.gream.contracts.RejectionReason.INVALID_BUY_NOW_PRICE;
import static io.gream.contracts.RejectionReason.INVALID_END_TIME;
import static io.gream.contracts.RejectionReason.INVALID_ITEM;
import static io.gream.contracts.RejectionReason.INVALID_MIN_INCREMENT;
import static io.gream.contracts.RejectionReason.INVALID_RESERVE_PRICE;
import static io.gream.contracts.RejectionReason.INVALID_SOFT_CLOSE;
import static io.gream.contracts.RejectionReason.INVALID_START_PRICE;
import static io.gream.contracts.RejectionReason.NOT_SELLER;
import static io.gream.contracts.RejectionReason.SELF_BID;
import static io.gream.engine.auction.AuctionFixtures.ALICE;
import static io.gream.engine.auction.AuctionFixtures.AUCTION;
import static io.gream.engine.auction.AuctionFixtures.BOB;
import static io.gream.engine.auction.AuctionFixtures.CAROL;
import static io.gream.engine.auction.AuctionFixtures.ENDS_AT;
import static io.gream.engine.auction.AuctionFixtures.LIMITS;
import static io.gream.engine.auction.AuctionFixtures.MIN_INCREMENT;
import static io.gream.engine.auction.AuctionFixtures.OPENED_AT;
import static io.gream.engine.auction.AuctionFixtures.SELLER;
import static io.gream.engine.auction.AuctionFixtures.START_PRICE;
import static io.gream.engine.auction.AuctionFixtures.VOUCHER;
import static io.gream.engine.auction.AuctionFixtures.accepted;
import static io.gream.engine.auction.AuctionFixtures.bid;
import static io.gream.engine.auction.AuctionFixtures.cancel;
import static io.gream.engine.auction.AuctionFixtures.given;
import static io.gream.engine.auction.AuctionFixtures.nothing;
import static io.gream.engine.auction.AuctionFixtures.opened;
import static io.gream.engine.auction.AuctionFixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of DESIGN.md section 2, one behaviour per test: given the auction's history, when a command arrives at
 * a broker time, then exactly these events. Event payloads are spelled out in full (event ids included) so a change
 * to the published contract shows up here.
 */
class AuctionRulesTest {

    private static final Instant BID_TIME = Instant.parse("2026-11-22T11:00:00Z");
    private static final long MAX = LIMITS.maxAmount();

    private final AuctionRules rules = AuctionFixtures.rules();

    private Decision when(Optional<Auction> state, AuctionCommand command, Instant at) {
        return rules.decide(state, command, at, Optional.empty());
    }

    /** The decision published exactly {@code expected}, the first of which answers the command. */
    private static void assertEvents(Decision decision, AuctionEvent... expected) {
        assertThat(decision.repeat()).isFalse();
        assertThat(decision.events()).containsExactly(expected);
        assertThat(decision.outcome()).isEqualTo(expected[0]);
    }

    /** The decision is a single {@link CommandRejected}; {@code detail} is prose, so only its presence is checked. */
    private static void assertCommandRejected(Decision decision, String commandId, String commandType, String actorId,
                                              Instant at, RejectionReason reason) {
        assertThat(decision.repeat()).isFalse();
        assertThat(decision.events()).singleElement().isInstanceOf(CommandRejected.class);
        CommandRejected rejected = (CommandRejected) decision.events().get(0);
        assertThat(rejected)
                .usingRecursiveComparison()
                .ignoringFields("detail")
                .isEqualTo(new CommandRejected(AUCTION + ":cmd:" + commandId, AUCTION, at, commandId, commandType,
                        actorId, reason, null));
        assertThat(rejected.detail()).isNotBlank();
        assertThat(decision.outcome()).isEqualTo(rejected);
        assertThat(rejected.accepted()).isFalse();
    }

    private static BidRejected bidRejected(String commandId, String bidderId, long amount, Instant at,
                                           RejectionReason reason, Long minNextBid) {
        return new BidRejected(AUCTION + ":cmd:" + commandId, AUCTION, at, commandId, bidderId, amount, reason,
                minNextBid);
    }

    /** Alice leads at {@code amount} with the auction's second event. */
    private static BidAccepted aliceLeads(long amount) {
        return accepted(2, BID_TIME, "cmd-alice", ALICE, amount, null, null, 1);
    }

    @Nested
    class Opening {

        @Test
        void opensAnAuctionAsItsFirstSequencedEvent() {
            Decision decision = when(nothing(), terms().command(), OPENED_AT);

            assertEvents(decision, new AuctionOpened("auction-1:1", AUCTION, 1, OPENED_AT, "cmd-open", SELLER,
                    VOUCHER, START_PRICE, MIN_INCREMENT, null, null, ENDS_AT, 0));
        }

        @Test
        void carriesReserveBuyNowAndSoftCloseIntoTheEvent() {
            var terms = terms().reservePrice(2_000L).buyNowPrice(5_000L).softCloseSeconds(120);

            Decision decision = when(nothing(), terms.command(), OPENED_AT);

            assertEvents(decision, new AuctionOpened("auction-1:1", AUCTION, 1, OPENED_AT, "cmd-open", SELLER,
                    VOUCHER, START_PRICE, MIN_INCREMENT, 2_000L, 5_000L, ENDS_AT, 120));
        }

        @Test
        void rejectsASecondOpenForAnExistingId() {
            var again = terms().commandId("cmd-open-2").sellerId("seller-2").command();

            Decision decision = when(given(opened()), again, BID_TIME);

            assertCommandRejected(decision, "cmd-open-2", "OpenAuction", "seller-2", BID_TIME, AUCTION_EXISTS);
        }

        @Test
        void rejectsReopeningAClosedAuction() {
            var closed = rules.closeIfDue(given(opened()).orElseThrow(), ENDS_AT).orElseThrow();
            var again = terms().commandId("cmd-open-2").endsAt(ENDS_AT.plus(Duration.ofDays(1))).command();

            Decision decision = when(given(opened(), closed), again, ENDS_AT.plusSeconds(1));

            assertCommandRejected(decision, "cmd-open-2", "OpenAuction", SELLER, ENDS_AT.plusSeconds(1),
                    AUCTION_EXISTS);
        }

        @Test
        void reportsAuctionExistsBeforeAnyInvalidTerm() {
            var invalid = terms().commandId("cmd-open-2").startPrice(0).endsAt(OPENED_AT).command();

            Decision decision = when(given(opened()), invalid, BID_TIME);

            assertCommandRejected(decision, "cmd-open-2", "OpenAuction", SELLER, BID_TIME, AUCTION_EXISTS);
        }

        @ParameterizedTest
        @ValueSource(longs = {0, -1, Long.MIN_VALUE, 1_000_000_001})
        void rejectsStartPriceThatIsNotPositiveOrAboveTheCeiling(long startPrice) {
            assertOpenRejected(terms().startPrice(startPrice), INVALID_START_PRICE);
        }

        @Test
        void acceptsStartPriceAtTheCeiling() {
            assertOpenAccepted(terms().startPrice(MAX));
        }

        @ParameterizedTest
        @ValueSource(longs = {0, -100, 1_000_000_001})
        void rejectsMinIncrementThatIsNotPositiveOrAboveTheCeiling(long minIncrement) {
            assertOpenRejected(terms().minIncrement(minIncrement), INVALID_MIN_INCREMENT);
        }

        @Test
        void acceptsMinIncrementOfOne() {
            assertOpenAccepted(terms().minIncrement(1));
        }

        @Test
        void rejectsReserveBelowStartPrice() {
            assertOpenRejected(terms().reservePrice(START_PRICE - 1), INVALID_RESERVE_PRICE);
        }

        @Test
        void rejectsReserveAboveTheCeiling() {
            assertOpenRejected(terms().reservePrice(MAX + 1), INVALID_RESERVE_PRICE);
        }

        @Test
        void acceptsReserveEqualToStartPrice() {
            assertOpenAccepted(terms().reservePrice(START_PRICE));
        }

        @Test
        void rejectsBuyNowEqualToStartPrice() {
            assertOpenRejected(terms().buyNowPrice(START_PRICE), INVALID_BUY_NOW_PRICE);
        }

        @Test
        void rejectsBuyNowBelowStartPrice() {
            assertOpenRejected(terms().buyNowPrice(START_PRICE - 1), INVALID_BUY_NOW_PRICE);
        }

        @Test
        void rejectsBuyNowBelowReserve() {
            assertOpenRejected(terms().reservePrice(3_000L).buyNowPrice(2_999L), INVALID_BUY_NOW_PRICE);
        }

        @Test
        void rejectsBuyNowAboveTheCeiling() {
            assertOpenRejected(terms().buyNowPrice(MAX + 1), INVALID_BUY_NOW_PRICE);
        }

        @Test
        void acceptsBuyNowOneAboveStartPrice() {
            assertOpenAccepted(terms().buyNowPrice(START_PRICE + 1));
        }

        @Test
        void acceptsBuyNowEqualToReserve() {
            assertOpenAccepted(terms().reservePrice(3_000L).buyNowPrice(3_000L));
        }

        @Test
        void rejectsEndTimeEqualToTheCommandTime() {
            assertOpenRejected(terms().endsAt(OPENED_AT), INVALID_END_TIME);
        }

        @Test
        void rejectsEndTimeInThePast() {
            assertOpenRejected(terms().endsAt(OPENED_AT.minusSeconds(1)), INVALID_END_TIME);
        }

        @Test
        void acceptsEndTimeOneMillisecondInTheFuture() {
            assertOpenAccepted(terms().endsAt(OPENED_AT.plusMillis(1)));
        }

        @Test
        void acceptsEndTimeExactlyThirtyDaysAhead() {
            assertOpenAccepted(terms().endsAt(OPENED_AT.plus(Duration.ofDays(30))));
        }

        @Test
        void rejectsEndTimeMoreThanThirtyDaysAhead() {
            assertOpenRejected(terms().endsAt(OPENED_AT.plus(Duration.ofDays(30)).plusMillis(1)), INVALID_END_TIME);
        }

        @Test
        void rejectsNegativeSoftClose() {
            assertOpenRejected(terms().softCloseSeconds(-1), INVALID_SOFT_CLOSE);
        }

        @Test
        void rejectsSoftCloseLongerThanTheLongestAuction() {
            assertOpenRejected(terms().softCloseSeconds(Duration.ofDays(30).toSeconds() + 1), INVALID_SOFT_CLOSE);
        }

        @Test
        void acceptsSoftCloseOfZeroAndOfTheLongestAuction() {
            assertOpenAccepted(terms().softCloseSeconds(0));
            assertOpenAccepted(terms().softCloseSeconds(Duration.ofDays(30).toSeconds()));
        }

        @ParameterizedTest
        @ValueSource(longs = {0, -4_500})
        void rejectsVoucherWithoutPositiveFaceValue(long faceValue) {
            Item item = new Item("Starbucks", "Americano Tall", faceValue, LocalDate.parse("2027-01-31"));
            assertOpenRejected(terms().item(item), INVALID_ITEM);
        }

        @Test
        void rejectsVoucherThatExpiresBeforeTheAuctionEnds() {
            Item item = new Item("Starbucks", "Americano Tall", 4_500, LocalDate.parse("2026-11-21"));
            assertOpenRejected(terms().item(item), INVALID_ITEM);
        }

        @Test
        void judgesVoucherExpiryByTheKoreanCalendarDate() {
            // 2026-11-22T16:00Z is already 2026-11-23 01:00 in Seoul: the voucher would be expired at the end.
            Item item = new Item("Starbucks", "Americano Tall", 4_500, LocalDate.parse("2026-11-22"));
            assertOpenRejected(terms().item(item).endsAt(Instant.parse("2026-11-22T16:00:00Z")), INVALID_ITEM);
        }

        @Test
        void acceptsVoucherThatExpiresOnTheDayTheAuctionEnds() {
            Item item = new Item("Starbucks", "Americano Tall", 4_500, LocalDate.parse("2026-11-22"));
            assertOpenAccepted(terms().item(item));
        }

        @Test
        void reportsTheFirstBrokenTermInRuleOrder() {
            var everythingWrong = terms().startPrice(0).minIncrement(0).reservePrice(-1L).buyNowPrice(-1L)
                    .endsAt(OPENED_AT).softCloseSeconds(-1);

            assertOpenRejected(everythingWrong, INVALID_START_PRICE);
            assertOpenRejected(everythingWrong.startPrice(START_PRICE), INVALID_MIN_INCREMENT);
            assertOpenRejected(everythingWrong.startPrice(START_PRICE).minIncrement(MIN_INCREMENT),
                    INVALID_RESERVE_PRICE);
            assertOpenRejected(everythingWrong.startPrice(START_PRICE).minIncrement(MIN_INCREMENT).reservePrice(null),
                    INVALID_BUY_NOW_PRICE);
            assertOpenRejected(everythingWrong.startPrice(START_PRICE).minIncrement(MIN_INCREMENT).reservePrice(null)
                    .buyNowPrice(null), INVALID_END_TIME);
            assertOpenRejected(everythingWrong.startPrice(START_PRICE).minIncrement(MIN_INCREMENT).reservePrice(null)
                    .buyNowPrice(null).endsAt(ENDS_AT), INVALID_SOFT_CLOSE);
        }

        private void assertOpenRejected(AuctionFixtures.Terms terms, RejectionReason reason) {
            assertCommandRejected(when(nothing(), terms.command(), OPENED_AT), "cmd-open", "OpenAuction", SELLER,
                    OPENED_AT, reason);
        }

        private void assertOpenAccepted(AuctionFixtures.Terms terms) {
            assertEvents(when(nothing(), terms.command(), OPENED_AT), terms.opened());
        }
    }

    @Nested
    class Bidding {

        @Test
        void acceptsAFirstBidAtTheStartPrice() {
            Decision decision = when(given(opened()), bid("cmd-alice", ALICE, START_PRICE), BID_TIME);

            assertEvents(decision, new BidAccepted("auction-1:2", AUCTION, 2, BID_TIME, "cmd-alice", ALICE,
                    START_PRICE, null, null, 1, START_PRICE + MIN_INCREMENT));
        }

        @Test
        void acceptsAHigherBidAndNamesTheBidderItOutbid() {
            Instant later = BID_TIME.plusSeconds(30);

            Decision decision = when(given(opened(), aliceLeads(1_200)), bid("cmd-bob", BOB, 1_300), later);

            assertEvents(decision, new BidAccepted("auction-1:3", AUCTION, 3, later, "cmd-bob", BOB, 1_300, ALICE,
                    1_200L, 2, 1_400));
        }

        @Test
        void rejectsABidOnAnAuctionThatWasNeverOpened() {
            Decision decision = when(nothing(), bid("cmd-alice", ALICE, 1_000), BID_TIME);

            assertEvents(decision, bidRejected("cmd-alice", ALICE, 1_000, BID_TIME, AUCTION_NOT_FOUND, null));
        }

        @Test
        void rejectsABidOnAClosedAuction() {
            var state = given(opened(), aliceLeads(1_200));
            var closed = rules.closeIfDue(state.orElseThrow(), ENDS_AT).orElseThrow();

            Decision decision = when(given(opened(), aliceLeads(1_200), closed), bid("cmd-bob", BOB, 5_000),
                    ENDS_AT.plusSeconds(1));

            assertEvents(decision, bidRejected("cmd-bob", BOB, 5_000, ENDS_AT.plusSeconds(1), AUCTION_CLOSED, null));
        }

        @Test
        void rejectsABidOnAClosedAuctionEvenWhenItsTimestampIsBeforeTheEnd() {
            // A buy-now ended it early: the state, not the clock, says it is closed.
            var buyNow = terms().buyNowPrice(5_000L);
            Decision bought = when(given(buyNow.opened()), bid("cmd-alice", ALICE, 5_000), BID_TIME);
            var state = given(buyNow.opened(), bought.events().get(0), bought.events().get(1));

            Decision decision = when(state, bid("cmd-bob", BOB, 6_000), BID_TIME.plusSeconds(1));

            assertEvents(decision, bidRejected("cmd-bob", BOB, 6_000, BID_TIME.plusSeconds(1), AUCTION_CLOSED, null));
        }

        @Test
        void rejectsABidOnACancelledAuction() {
            var cancelled = new AuctionCancelled("auction-1:2", AUCTION, 2, BID_TIME, "cmd-cancel", SELLER);

            Decision decision = when(given(opened(), cancelled), bid("cmd-alice", ALICE, 1_000),
                    BID_TIME.plusSeconds(1));

            assertEvents(decision, bidRejected("cmd-alice", ALICE, 1_000, BID_TIME.plusSeconds(1), AUCTION_CLOSED,
                    null));
        }

        @Test
        void rejectsABidTimestampedExactlyAtTheEndAsLate() {
            Decision decision = when(given(opened()), bid("cmd-alice", ALICE, 1_000), ENDS_AT);

            assertEvents(decision, bidRejected("cmd-alice", ALICE, 1_000, ENDS_AT, AUCTION_CLOSED, null));
        }

        @Test
        void rejectsABidAfterTheEndEvenBeforeTheAuctionWasClosed() {
            Instant late = ENDS_AT.plus(Duration.ofHours(3));

            Decision decision = when(given(opened()), bid("cmd-alice", ALICE, 1_000), late);

            assertEvents(decision, bidRejected("cmd-alice", ALICE, 1_000, late, AUCTION_CLOSED, null));
        }

        @Test
        void acceptsABidOneMillisecondBeforeTheEnd() {
            Instant lastMoment = ENDS_AT.minusMillis(1);

            Decision decision = when(given(opened()), bid("cmd-alice", ALICE, 1_000), lastMoment);

            assertEvents(decision, new BidAccepted("auction-1:2", AUCTION, 2, lastMoment, "cmd-alice", ALICE, 1_000,
                    null, null, 1, 1_100));
        }

        @Test
        void rejectsTheSellerBiddingOnTheirOwnAuction() {
            Decision decision = when(given(opened()), bid("cmd-self", SELLER, 1_000), BID_TIME);

            assertEvents(decision, bidRejected("cmd-self", SELLER, 1_000, BID_TIME, SELF_BID, 1_000L));
        }

        @Test
        void rejectsTheLeaderRaisingTheirOwnBid() {
            Decision decision = when(given(opened(), aliceLeads(1_200)), bid("cmd-alice-2", ALICE, 2_000),
                    BID_TIME.plusSeconds(1));

            assertEvents(decision, bidRejected("cmd-alice-2", ALICE, 2_000, BID_TIME.plusSeconds(1),
                    ALREADY_LEADING, 1_300L));
        }

        @Test
        void rejectsABidBelowTheStartPrice() {
            Decision decision = when(given(opened()), bid("cmd-alice", ALICE, 999), BID_TIME);

            assertEvents(decision, bidRejected("cmd-alice", ALICE, 999, BID_TIME, BID_TOO_LOW, 1_000L));
        }

        @Test
        void rejectsABidOneBelowMinNextBid() {
            Decision decision = when(given(opened(), aliceLeads(1_200)), bid("cmd-bob", BOB, 1_299), BID_TIME);

            assertEvents(decision, bidRejected("cmd-bob", BOB, 1_299, BID_TIME, BID_TOO_LOW, 1_300L));
        }

        @Test
        void acceptsABidOfExactlyMinNextBid() {
            Decision decision = when(given(opened(), aliceLeads(1_200)), bid("cmd-bob", BOB, 1_300), BID_TIME);

            assertEvents(decision, new BidAccepted("auction-1:3", AUCTION, 3, BID_TIME, "cmd-bob", BOB, 1_300,
                    ALICE, 1_200L, 2, 1_400));
        }

        @ParameterizedTest
        @ValueSource(longs = {0, -1, Long.MIN_VALUE})
        void rejectsNonPositiveAmountsAsTooLow(long amount) {
            Decision decision = when(given(opened()), bid("cmd-alice", ALICE, amount), BID_TIME);

            assertEvents(decision, bidRejected("cmd-alice", ALICE, amount, BID_TIME, BID_TOO_LOW, 1_000L));
        }

        @ParameterizedTest
        @ValueSource(longs = {1_000_000_001, Long.MAX_VALUE})
        void rejectsAnAmountAboveTheCeiling(long amount) {
            Decision decision = when(given(opened()), bid("cmd-alice", ALICE, amount), BID_TIME);

            assertEvents(decision, bidRejected("cmd-alice", ALICE, amount, BID_TIME, AMOUNT_TOO_HIGH, 1_000L));
        }

        @Test
        void acceptsAnAmountExactlyAtTheCeiling() {
            Decision decision = when(given(opened()), bid("cmd-alice", ALICE, MAX), BID_TIME);

            assertEvents(decision, new BidAccepted("auction-1:2", AUCTION, 2, BID_TIME, "cmd-alice", ALICE, MAX,
                    null, null, 1, MAX + MIN_INCREMENT));
        }

        @Test
        void anEqualSecondBidIsTooLowAndTheEarlierBidderKeepsTheLead() {
            var state = given(opened(), aliceLeads(1_200));

            Decision decision = when(state, bid("cmd-bob", BOB, 1_200), BID_TIME.plusSeconds(1));

            assertEvents(decision, bidRejected("cmd-bob", BOB, 1_200, BID_TIME.plusSeconds(1), BID_TOO_LOW, 1_300L));
            assertThat(rules.evolve(state, decision.events().get(0)).orElseThrow().leader())
                    .isEqualTo(new Bid(ALICE, 1_200, BID_TIME, "cmd-alice"));
        }

        @Test
        void anEqualFirstBidAfterAnotherAtTheStartPriceIsTooLow() {
            var state = given(opened(), aliceLeads(START_PRICE));

            Decision decision = when(state, bid("cmd-bob", BOB, START_PRICE), BID_TIME);

            assertEvents(decision, bidRejected("cmd-bob", BOB, START_PRICE, BID_TIME, BID_TOO_LOW, 1_100L));
        }
    }

    /** When a bid breaks several rules, the first in DESIGN.md's order is the one reported. */
    @Nested
    class RejectionOrder {

        @Test
        void anUnknownAuctionIsReportedBeforeEverythingElse() {
            Decision decision = when(nothing(), bid("cmd-self", SELLER, -5), ENDS_AT.plusSeconds(1));

            assertThat(reason(decision)).isEqualTo(AUCTION_NOT_FOUND);
        }

        @Test
        void lateIsReportedBeforeSelfBid() {
            Decision decision = when(given(opened()), bid("cmd-self", SELLER, 1_000), ENDS_AT);

            assertThat(reason(decision)).isEqualTo(AUCTION_CLOSED);
        }

        @Test
        void lateIsReportedBeforeTooLow() {
            Decision decision = when(given(opened()), bid("cmd-alice", ALICE, 1), ENDS_AT.plusMillis(1));

            assertThat(reason(decision)).isEqualTo(AUCTION_CLOSED);
        }

        @Test
        void lateIsReportedBeforeTooHigh() {
            Decision decision = when(given(opened()), bid("cmd-alice", ALICE, MAX + 1), ENDS_AT);

            assertThat(reason(decision)).isEqualTo(AUCTION_CLOSED);
        }

        @Test
        void aSellerBiddingTooLowGetsSelfBid() {
            Decision decision = when(given(opened()), bid("cmd-self", SELLER, 1), BID_TIME);

            assertEvents(decision, bidRejected("cmd-self", SELLER, 1, BID_TIME, SELF_BID, 1_000L));
        }

        @Test
        void aSellerBiddingTooHighGetsSelfBid() {
            Decision decision = when(given(opened()), bid("cmd-self", SELLER, MAX + 1), BID_TIME);

            assertThat(reason(decision)).isEqualTo(SELF_BID);
        }

        @Test
        void aLeaderBiddingTooLowGetsAlreadyLeading() {
            Decision decision = when(given(opened(), aliceLeads(1_200)), bid("cmd-alice-2", ALICE, 1_250),
                    BID_TIME);

            assertEvents(decision, bidRejected("cmd-alice-2", ALICE, 1_250, BID_TIME, ALREADY_LEADING, 1_300L));
        }

        @Test
        void aLeaderBiddingTooHighGetsAlreadyLeading() {
            Decision decision = when(given(opened(), aliceLeads(1_200)), bid("cmd-alice-2", ALICE, MAX + 1),
                    BID_TIME);

            assertThat(reason(decision)).isEqualTo(ALREADY_LEADING);
        }

        @Test
        void anAmountBothBelowMinNextBidAndAboveTheCeilingIsTooLow() {
            // The leader sits at the ceiling, so minNextBid is above it: every amount breaks one of the two rules.
            var state = given(opened(), aliceLeads(MAX));

            Decision decision = when(state, bid("cmd-bob", BOB, MAX + 50), BID_TIME);

            assertEvents(decision, bidRejected("cmd-bob", BOB, MAX + 50, BID_TIME, BID_TOO_LOW, MAX + MIN_INCREMENT));
        }

        @Test
        void anAmountAtMinNextBidAboveTheCeilingIsTooHigh() {
            var state = given(opened(), aliceLeads(MAX));

            Decision decision = when(state, bid("cmd-bob", BOB, MAX + MIN_INCREMENT), BID_TIME);

            assertEvents(decision, bidRejected("cmd-bob", BOB, MAX + MIN_INCREMENT, BID_TIME, AMOUNT_TOO_HIGH,
                    MAX + MIN_INCREMENT));
        }

        private RejectionReason reason(Decision decision) {
            assertThat(decision.events()).singleElement().isInstanceOf(BidRejected.class);
            return ((BidRejected) decision.outcome()).reason();
        }
    }

    @Nested
    class SoftClose {

        private final AuctionFixtures.Terms softClose = terms().softCloseSeconds(60);
        private final Instant windowOpens = ENDS_AT.minusSeconds(60);

        @Test
        void aBidExactlySoftCloseBeforeTheEndDoesNotExtend() {
            Decision decision = when(given(softClose.opened()), bid("cmd-alice", ALICE, 1_000), windowOpens);

            assertEvents(decision, new BidAccepted("auction-1:2", AUCTION, 2, windowOpens, "cmd-alice", ALICE, 1_000,
                    null, null, 1, 1_100));
        }

        @Test
        void aBidOneMillisecondInsideTheWindowExtendsToBidTimePlusSoftClose() {
            Instant inside = windowOpens.plusMillis(1);

            Decision decision = when(given(softClose.opened()), bid("cmd-alice", ALICE, 1_000), inside);

            assertEvents(decision,
                    new BidAccepted("auction-1:2", AUCTION, 2, inside, "cmd-alice", ALICE, 1_000, null, null, 1,
                            1_100),
                    new AuctionExtended("auction-1:3", AUCTION, 3, inside, "cmd-alice", ENDS_AT,
                            Instant.parse("2026-11-22T12:00:00.001Z")));
        }

        @Test
        void aBidInTheLastMillisecondExtendsByAlmostTheWholeWindow() {
            Instant last = ENDS_AT.minusMillis(1);

            Decision decision = when(given(softClose.opened()), bid("cmd-alice", ALICE, 1_000), last);

            assertThat(decision.events()).last().isEqualTo(new AuctionExtended("auction-1:3", AUCTION, 3, last,
                    "cmd-alice", ENDS_AT, Instant.parse("2026-11-22T12:00:59.999Z")));
        }

        @Test
        void anExtendedAuctionTakesBidsAfterItsOriginalEndAndExtendsAgain() {
            Instant first = ENDS_AT.minusSeconds(10);
            Decision extended = when(given(softClose.opened()), bid("cmd-alice", ALICE, 1_000), first);
            var state = given(softClose.opened(), extended.events().get(0), extended.events().get(1));
            Instant afterOriginalEnd = ENDS_AT.plusSeconds(30);

            Decision decision = when(state, bid("cmd-bob", BOB, 1_100), afterOriginalEnd);

            assertEvents(decision,
                    new BidAccepted("auction-1:4", AUCTION, 4, afterOriginalEnd, "cmd-bob", BOB, 1_100, ALICE, 1_000L,
                            2, 1_200),
                    new AuctionExtended("auction-1:5", AUCTION, 5, afterOriginalEnd, "cmd-bob",
                            Instant.parse("2026-11-22T12:00:50Z"), Instant.parse("2026-11-22T12:01:30Z")));
        }

        @Test
        void aBidAtTheExtendedEndIsLate() {
            Instant first = ENDS_AT.minusSeconds(10);
            Decision extended = when(given(softClose.opened()), bid("cmd-alice", ALICE, 1_000), first);
            var state = given(softClose.opened(), extended.events().get(0), extended.events().get(1));
            Instant extendedEnd = Instant.parse("2026-11-22T12:00:50Z");

            Decision decision = when(state, bid("cmd-bob", BOB, 1_100), extendedEnd);

            assertEvents(decision, bidRejected("cmd-bob", BOB, 1_100, extendedEnd, AUCTION_CLOSED, null));
        }

        @Test
        void aZeroSoftCloseNeverExtends() {
            Instant last = ENDS_AT.minusMillis(1);

            Decision decision = when(given(opened()), bid("cmd-alice", ALICE, 1_000), last);

            assertThat(decision.events()).singleElement().isInstanceOf(BidAccepted.class);
        }

        @Test
        void aRejectedBidInsideTheWindowNeverExtends() {
            Instant inside = ENDS_AT.minusSeconds(5);

            Decision tooLow = when(given(softClose.opened()), bid("cmd-alice", ALICE, 999), inside);
            Decision self = when(given(softClose.opened()), bid("cmd-self", SELLER, 5_000), inside);

            assertEvents(tooLow, bidRejected("cmd-alice", ALICE, 999, inside, BID_TOO_LOW, 1_000L));
            assertEvents(self, bidRejected("cmd-self", SELLER, 5_000, inside, SELF_BID, 1_000L));
        }
    }

    @Nested
    class BuyNow {

        private final AuctionFixtures.Terms buyNow = terms().buyNowPrice(5_000L);

        @Test
        void aBidOfExactlyTheBuyNowPriceClosesTheAuctionAtOnce() {
            Decision decision = when(given(buyNow.opened()), bid("cmd-alice", ALICE, 5_000), BID_TIME);

            assertEvents(decision,
                    new BidAccepted("auction-1:2", AUCTION, 2, BID_TIME, "cmd-alice", ALICE, 5_000, null, null, 1,
                            5_100),
                    new AuctionClosed("auction-1:3", AUCTION, 3, BID_TIME, "cmd-alice", SELLER, VOUCHER,
                            CloseOutcome.BUY_NOW, ALICE, 5_000L, 1));
        }

        @Test
        void buyNowAfterOtherBidsCountsThemAndNamesTheOutbidLeader() {
            var state = given(buyNow.opened(), aliceLeads(1_200));

            Decision decision = when(state, bid("cmd-bob", BOB, 5_000), BID_TIME.plusSeconds(1));

            assertEvents(decision,
                    new BidAccepted("auction-1:3", AUCTION, 3, BID_TIME.plusSeconds(1), "cmd-bob", BOB, 5_000, ALICE,
                            1_200L, 2, 5_100),
                    new AuctionClosed("auction-1:4", AUCTION, 4, BID_TIME.plusSeconds(1), "cmd-bob", SELLER, VOUCHER,
                            CloseOutcome.BUY_NOW, BOB, 5_000L, 2));
        }

        @Test
        void aBidOneBelowTheBuyNowPriceDoesNotClose() {
            Decision decision = when(given(buyNow.opened()), bid("cmd-alice", ALICE, 4_999), BID_TIME);

            assertEvents(decision, new BidAccepted("auction-1:2", AUCTION, 2, BID_TIME, "cmd-alice", ALICE, 4_999,
                    null, null, 1, 5_099));
        }

        @Test
        void aBidAboveTheBuyNowPriceClosesTheAuctionAtTheBuyNowPrice() {
            Decision decision = when(given(buyNow.opened()), bid("cmd-alice", ALICE, 7_000), BID_TIME);

            assertThat(decision.events()).hasSize(2);
            assertThat(decision.events().get(1)).isInstanceOfSatisfying(AuctionClosed.class, closed -> {
                assertThat(closed.outcome()).isEqualTo(CloseOutcome.BUY_NOW);
                assertThat(closed.winnerId()).isEqualTo(ALICE);
                assertThat(closed.price()).isEqualTo(5_000L);
                assertThat(closed.at()).isEqualTo(BID_TIME);
            });
        }

        @Test
        void buyNowInsideTheSoftCloseWindowClosesInsteadOfExtending() {
            var both = buyNow.softCloseSeconds(600);
            Instant inside = ENDS_AT.minusSeconds(5);

            Decision decision = when(given(both.opened()), bid("cmd-alice", ALICE, 5_000), inside);

            assertThat(decision.events()).extracting(Object::getClass)
                    .containsExactly(BidAccepted.class, AuctionClosed.class);
        }

        @Test
        void buyNowAtAPriceEqualToTheReserveIsBuyNowNotSold() {
            // buyNowPrice >= reservePrice is enforced at open, so reaching buy-now always meets the reserve.
            var withReserve = terms().reservePrice(5_000L).buyNowPrice(5_000L);

            Decision decision = when(given(withReserve.opened()), bid("cmd-alice", ALICE, 5_000), BID_TIME);

            assertThat(((AuctionClosed) decision.events().get(1)).outcome()).isEqualTo(CloseOutcome.BUY_NOW);
        }

        @Test
        void anAuctionEndedByBuyNowIsNeverClosedAgain() {
            Decision decision = when(given(buyNow.opened()), bid("cmd-alice", ALICE, 5_000), BID_TIME);
            Auction closed = given(buyNow.opened(), decision.events().get(0), decision.events().get(1)).orElseThrow();

            assertThat(rules.closeIfDue(closed, ENDS_AT.plus(Duration.ofDays(1)))).isEmpty();
        }
    }

    @Nested
    class Closing {

        @Test
        void sellsToTheLeaderWhenThereIsNoReserve() {
            Auction auction = given(opened(), aliceLeads(1_200)).orElseThrow();

            assertThat(rules.closeIfDue(auction, ENDS_AT)).contains(new AuctionClosed("auction-1:3", AUCTION, 3,
                    ENDS_AT, null, SELLER, VOUCHER, CloseOutcome.SOLD, ALICE, 1_200L, 1));
        }

        @Test
        void sellsWhenTheReserveIsExactlyMet() {
            var reserve = terms().reservePrice(1_500L);
            Auction auction = given(reserve.opened(), aliceLeads(1_500)).orElseThrow();

            assertThat(rules.closeIfDue(auction, ENDS_AT)).contains(new AuctionClosed("auction-1:3", AUCTION, 3,
                    ENDS_AT, null, SELLER, VOUCHER, CloseOutcome.SOLD, ALICE, 1_500L, 1));
        }

        @Test
        void sellsWhenTheReserveIsExceeded() {
            var reserve = terms().reservePrice(1_500L);
            Auction auction = given(reserve.opened(), aliceLeads(1_200),
                    accepted(3, BID_TIME.plusSeconds(1), "cmd-bob", BOB, 1_900, ALICE, 1_200L, 2)).orElseThrow();

            assertThat(rules.closeIfDue(auction, ENDS_AT)).contains(new AuctionClosed("auction-1:4", AUCTION, 4,
                    ENDS_AT, null, SELLER, VOUCHER, CloseOutcome.SOLD, BOB, 1_900L, 2));
        }

        @Test
        void endsWithoutWinnerWhenTheReserveIsNotMet() {
            var reserve = terms().reservePrice(1_500L);
            Auction auction = given(reserve.opened(), aliceLeads(1_499)).orElseThrow();

            assertThat(rules.closeIfDue(auction, ENDS_AT)).contains(new AuctionClosed("auction-1:3", AUCTION, 3,
                    ENDS_AT, null, SELLER, VOUCHER, CloseOutcome.RESERVE_NOT_MET, null, null, 1));
        }

        @Test
        void endsWithoutWinnerWhenNobodyBid() {
            Auction auction = given(opened()).orElseThrow();

            assertThat(rules.closeIfDue(auction, ENDS_AT)).contains(new AuctionClosed("auction-1:2", AUCTION, 2,
                    ENDS_AT, null, SELLER, VOUCHER, CloseOutcome.NO_BIDS, null, null, 0));
        }

        @Test
        void isNotDueOneMillisecondBeforeTheEnd() {
            Auction auction = given(opened(), aliceLeads(1_200)).orElseThrow();

            assertThat(rules.closeIfDue(auction, ENDS_AT.minusMillis(1))).isEmpty();
        }

        @Test
        void isDueExactlyAtTheEnd() {
            Auction auction = given(opened()).orElseThrow();

            assertThat(rules.closeIfDue(auction, ENDS_AT)).isPresent();
        }

        @Test
        void closesAtTheDeadlineHoweverLateItIsNoticed() {
            Auction auction = given(opened(), aliceLeads(1_200)).orElseThrow();

            var onTime = rules.closeIfDue(auction, ENDS_AT);
            var muchLater = rules.closeIfDue(auction, ENDS_AT.plus(Duration.ofDays(3)));

            assertThat(muchLater).isEqualTo(onTime);
            assertThat(muchLater.orElseThrow().at()).isEqualTo(ENDS_AT);
        }

        @Test
        void usesTheExtendedEndAfterASoftCloseExtension() {
            var softClose = terms().softCloseSeconds(60);
            Instant inside = ENDS_AT.minusSeconds(30);
            Decision decision = when(given(softClose.opened()), bid("cmd-alice", ALICE, 1_000), inside);
            Auction auction = given(softClose.opened(), decision.events().get(0), decision.events().get(1))
                    .orElseThrow();
            Instant extendedEnd = Instant.parse("2026-11-22T12:00:30Z");

            assertThat(rules.closeIfDue(auction, ENDS_AT)).isEmpty();
            assertThat(rules.closeIfDue(auction, extendedEnd.minusMillis(1))).isEmpty();
            assertThat(rules.closeIfDue(auction, extendedEnd)).contains(new AuctionClosed("auction-1:4", AUCTION, 4,
                    extendedEnd, null, SELLER, VOUCHER, CloseOutcome.SOLD, ALICE, 1_000L, 1));
        }

        @Test
        void neverClosesAClosedAuctionAgain() {
            var state = given(opened(), aliceLeads(1_200));
            AuctionClosed closed = rules.closeIfDue(state.orElseThrow(), ENDS_AT).orElseThrow();
            Auction after = rules.evolve(state, closed).orElseThrow();

            assertThat(rules.closeIfDue(after, ENDS_AT)).isEmpty();
            assertThat(rules.closeIfDue(after, ENDS_AT.plus(Duration.ofDays(30)))).isEmpty();
        }

        @Test
        void neverClosesACancelledAuction() {
            var cancelled = new AuctionCancelled("auction-1:2", AUCTION, 2, BID_TIME, "cmd-cancel", SELLER);
            Auction auction = given(opened(), cancelled).orElseThrow();

            assertThat(rules.closeIfDue(auction, ENDS_AT.plus(Duration.ofDays(1)))).isEmpty();
        }
    }

    @Nested
    class Cancelling {

        @Test
        void theSellerCancelsAnAuctionWithoutBids() {
            Decision decision = when(given(opened()), cancel("cmd-cancel", SELLER), BID_TIME);

            assertEvents(decision, new AuctionCancelled("auction-1:2", AUCTION, 2, BID_TIME, "cmd-cancel", SELLER));
        }

        @Test
        void someoneElseMayNotCancel() {
            Decision decision = when(given(opened()), cancel("cmd-cancel", ALICE), BID_TIME);

            assertCommandRejected(decision, "cmd-cancel", "CancelAuction", ALICE, BID_TIME, NOT_SELLER);
        }

        @Test
        void anAuctionWithBidsCannotBeCancelled() {
            Decision decision = when(given(opened(), aliceLeads(1_200)), cancel("cmd-cancel", SELLER), BID_TIME);

            assertCommandRejected(decision, "cmd-cancel", "CancelAuction", SELLER, BID_TIME, HAS_BIDS);
        }

        @Test
        void cancellingAnUnknownAuctionIsNotFound() {
            Decision decision = when(nothing(), cancel("cmd-cancel", SELLER), BID_TIME);

            assertCommandRejected(decision, "cmd-cancel", "CancelAuction", SELLER, BID_TIME, AUCTION_NOT_FOUND);
        }

        @Test
        void cancellingAtOrAfterTheEndIsClosed() {
            assertCommandRejected(when(given(opened()), cancel("cmd-cancel", SELLER), ENDS_AT), "cmd-cancel",
                    "CancelAuction", SELLER, ENDS_AT, AUCTION_CLOSED);
            Instant later = ENDS_AT.plusSeconds(60);
            assertCommandRejected(when(given(opened()), cancel("cmd-cancel", SELLER), later), "cmd-cancel",
                    "CancelAuction", SELLER, later, AUCTION_CLOSED);
        }

        @Test
        void cancellingOneMillisecondBeforeTheEndSucceeds() {
            Instant lastMoment = ENDS_AT.minusMillis(1);

            Decision decision = when(given(opened()), cancel("cmd-cancel", SELLER), lastMoment);

            assertEvents(decision, new AuctionCancelled("auction-1:2", AUCTION, 2, lastMoment, "cmd-cancel",
                    SELLER));
        }

        @Test
        void cancellingAClosedOrCancelledAuctionIsClosed() {
            AuctionClosed closed = rules.closeIfDue(given(opened()).orElseThrow(), ENDS_AT).orElseThrow();
            var cancelled = new AuctionCancelled("auction-1:2", AUCTION, 2, BID_TIME, "cmd-cancel", SELLER);
            Instant at = BID_TIME.plusSeconds(1);

            assertCommandRejected(when(given(opened(), closed), cancel("cmd-cancel-2", SELLER), at), "cmd-cancel-2",
                    "CancelAuction", SELLER, at, AUCTION_CLOSED);
            assertCommandRejected(when(given(opened(), cancelled), cancel("cmd-cancel-2", SELLER), at),
                    "cmd-cancel-2", "CancelAuction", SELLER, at, AUCTION_CLOSED);
        }

        @Test
        void closedIsReportedBeforeNotSellerAndNotSellerBeforeHasBids() {
            assertCommandRejected(when(given(opened()), cancel("cmd-cancel", ALICE), ENDS_AT), "cmd-cancel",
                    "CancelAuction", ALICE, ENDS_AT, AUCTION_CLOSED);
            assertCommandRejected(when(given(opened(), aliceLeads(1_200)), cancel("cmd-cancel", BOB), BID_TIME),
                    "cmd-cancel", "CancelAuction", BOB, BID_TIME, NOT_SELLER);
        }
    }

    @Nested
    class Idempotency {

        @Test
        void aRepeatedBidGetsItsOriginalOutcomeAndPublishesNothing() {
            var state = given(opened());
            var command = bid("cmd-alice", ALICE, 1_200);
            Decision original = when(state, command, BID_TIME);
            var after = given(opened(), original.events().get(0));

            Decision repeat = rules.decide(after, command, BID_TIME.plusSeconds(5), Optional.of(original.outcome()));

            assertThat(repeat.repeat()).isTrue();
            assertThat(repeat.outcome()).isEqualTo(original.outcome());
            assertThat(repeat.events()).isEmpty();
        }

        @Test
        void aRepeatedRejectedBidIsRejectedTheSameWayEvenIfItWouldNowBeAccepted() {
            Decision original = when(given(opened()), bid("cmd-alice", ALICE, 900), BID_TIME);

            Decision repeat = rules.decide(given(opened()), bid("cmd-alice", ALICE, 900), BID_TIME.plusSeconds(1),
                    Optional.of(original.outcome()));

            assertThat(repeat.repeat()).isTrue();
            assertThat(repeat.outcome()).isEqualTo(bidRejected("cmd-alice", ALICE, 900, BID_TIME, BID_TOO_LOW,
                    1_000L));
            assertThat(repeat.events()).isEmpty();
        }

        @Test
        void aRepeatedBuyNowBidAfterTheCloseStillAnswersAccepted() {
            var buyNow = terms().buyNowPrice(5_000L);
            var command = bid("cmd-alice", ALICE, 5_000);
            Decision original = when(given(buyNow.opened()), command, BID_TIME);
            var closed = given(buyNow.opened(), original.events().get(0), original.events().get(1));

            Decision repeat = rules.decide(closed, command, ENDS_AT.plusSeconds(1), Optional.of(original.outcome()));

            assertThat(repeat.repeat()).isTrue();
            assertThat(repeat.outcome()).isEqualTo(original.events().get(0));
            assertThat(repeat.events()).isEmpty();
        }

        @Test
        void aRepeatedOpenGetsAuctionOpenedAgainNotAuctionExists() {
            Decision original = when(nothing(), terms().command(), OPENED_AT);

            Decision repeat = rules.decide(given(opened()), terms().command(), BID_TIME,
                    Optional.of(original.outcome()));

            assertThat(repeat.repeat()).isTrue();
            assertThat(repeat.outcome()).isEqualTo(opened());
            assertThat(repeat.events()).isEmpty();
        }

        @Test
        void aRepeatedCancelGetsItsOriginalOutcome() {
            Decision original = when(given(opened()), cancel("cmd-cancel", SELLER), BID_TIME);
            var cancelled = given(opened(), original.events().get(0));

            Decision repeat = rules.decide(cancelled, cancel("cmd-cancel", SELLER), BID_TIME.plusSeconds(1),
                    Optional.of(original.outcome()));

            assertThat(repeat.repeat()).isTrue();
            assertThat(repeat.outcome()).isEqualTo(original.outcome());
            assertThat(repeat.events()).isEmpty();
        }
    }

    @Nested
    class Evolving {

        private final AuctionTerms defaultTerms = new AuctionTerms(AUCTION, SELLER, VOUCHER, START_PRICE,
                MIN_INCREMENT, null, null, 0, OPENED_AT);

        @Test
        void anOpenedEventCreatesAnOpenAuctionWithoutBids() {
            Auction auction = given(opened()).orElseThrow();

            assertThat(auction).isEqualTo(new Auction.Open(defaultTerms, 1, ENDS_AT, null, 0));
            assertThat(auction.auctionId()).isEqualTo(AUCTION);
            assertThat(auction.minNextBid()).isEqualTo(START_PRICE);
        }

        @Test
        void anOpenedEventKeepsReserveBuyNowAndSoftClose() {
            var terms = terms().reservePrice(2_000L).buyNowPrice(5_000L).softCloseSeconds(90);

            assertThat(given(terms.opened()).orElseThrow().terms()).isEqualTo(new AuctionTerms(AUCTION, SELLER,
                    VOUCHER, START_PRICE, MIN_INCREMENT, 2_000L, 5_000L, 90, OPENED_AT));
        }

        @Test
        void anAcceptedBidBecomesTheLeaderAndCountsAsABid() {
            Auction auction = given(opened(), aliceLeads(1_200),
                    accepted(3, BID_TIME.plusSeconds(1), "cmd-bob", BOB, 1_300, ALICE, 1_200L, 2)).orElseThrow();

            assertThat(auction).isEqualTo(new Auction.Open(defaultTerms, 3, ENDS_AT,
                    new Bid(BOB, 1_300, BID_TIME.plusSeconds(1), "cmd-bob"), 2));
            assertThat(auction.minNextBid()).isEqualTo(1_400);
        }

        @Test
        void anExtensionMovesTheEnd() {
            Instant newEnd = ENDS_AT.plusSeconds(45);
            Auction auction = given(opened(), aliceLeads(1_200),
                    new AuctionExtended("auction-1:3", AUCTION, 3, BID_TIME, "cmd-alice", ENDS_AT, newEnd))
                    .orElseThrow();

            assertThat(auction).isEqualTo(new Auction.Open(defaultTerms, 3, newEnd,
                    new Bid(ALICE, 1_200, BID_TIME, "cmd-alice"), 1));
        }

        @Test
        void aCloseEndsTheAuctionKeepingItsLeaderAndCount() {
            var closed = new AuctionClosed("auction-1:3", AUCTION, 3, ENDS_AT, null, SELLER, VOUCHER,
                    CloseOutcome.SOLD, ALICE, 1_200L, 1);

            Auction auction = given(opened(), aliceLeads(1_200), closed).orElseThrow();

            assertThat(auction).isEqualTo(new Auction.Closed(defaultTerms, 3, ENDS_AT,
                    new Bid(ALICE, 1_200, BID_TIME, "cmd-alice"), 1, CloseOutcome.SOLD, 1_200L, ENDS_AT));
        }

        @Test
        void aCancelEndsTheAuctionWithoutBids() {
            var cancelled = new AuctionCancelled("auction-1:2", AUCTION, 2, BID_TIME, "cmd-cancel", SELLER);

            Auction auction = given(opened(), cancelled).orElseThrow();

            assertThat(auction).isEqualTo(new Auction.Cancelled(defaultTerms, 2, ENDS_AT, BID_TIME));
            assertThat(auction.leader()).isNull();
            assertThat(auction.bidCount()).isZero();
        }

        @Test
        void rejectionsChangeNothing() {
            var state = given(opened(), aliceLeads(1_200));
            var bidRejected = bidRejected("cmd-bob", BOB, 1, BID_TIME, BID_TOO_LOW, 1_300L);
            var commandRejected = new CommandRejected("auction-1:cmd:cmd-x", AUCTION, BID_TIME, "cmd-x",
                    "CancelAuction", CAROL, NOT_SELLER, "only the seller may cancel");

            assertThat(rules.evolve(state, bidRejected)).isEqualTo(state);
            assertThat(rules.evolve(state, commandRejected)).isEqualTo(state);
            assertThat(rules.evolve(nothing(), bidRejected)).isEmpty();
        }

        @Test
        void foldingADecisionsEventsGivesTheStateTheNextDecisionSees() {
            var state = given(terms().softCloseSeconds(60).opened());
            Decision decision = when(state, bid("cmd-alice", ALICE, 1_000), ENDS_AT.minusSeconds(1));

            for (AuctionEvent event : decision.events()) {
                state = rules.evolve(state, event);
            }

            assertThat(state.orElseThrow().seq()).isEqualTo(3);
            assertThat(state.orElseThrow().endsAt()).isEqualTo(Instant.parse("2026-11-22T12:00:59Z"));
            assertThat(state.orElseThrow().leader().bidderId()).isEqualTo(ALICE);
        }
    }
}
