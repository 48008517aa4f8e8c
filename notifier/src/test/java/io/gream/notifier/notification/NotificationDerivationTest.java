package io.gream.notifier.notification;

import io.gream.contracts.BidAccepted;
import io.gream.contracts.BidRaisedByProxy;
import io.gream.contracts.BidRejected;
import io.gream.contracts.CloseOutcome;
import io.gream.contracts.PaymentRefunded;
import io.gream.contracts.SecondChanceCompleted;
import io.gream.contracts.SecondChanceDeclined;
import io.gream.contracts.SecondChanceEvent;
import io.gream.contracts.SecondChanceExpired;
import io.gream.contracts.SecondChanceFailed;
import io.gream.contracts.SecondChanceOffered;
import io.gream.contracts.SecondChanceRejected;
import io.gream.contracts.RejectionReason;
import io.gream.notifier.testing.Events;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static io.gream.notifier.notification.NotificationType.NOT_SOLD;
import static io.gream.notifier.notification.NotificationType.OUTBID;
import static io.gream.notifier.notification.NotificationType.PAYMENT_FAILED;
import static io.gream.notifier.notification.NotificationType.PAYMENT_REFUNDED;
import static io.gream.notifier.notification.NotificationType.SECOND_CHANCE_ENDED;
import static io.gream.notifier.notification.NotificationType.SECOND_CHANCE_OFFERED;
import static io.gream.notifier.notification.NotificationType.SECOND_CHANCE_REJECTED;
import static io.gream.notifier.notification.NotificationType.SETTLED;
import static io.gream.notifier.notification.NotificationType.SOLD;
import static io.gream.notifier.notification.NotificationType.WON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class NotificationDerivationTest {

    @Test
    void firstBidOutbidsNoOne() {
        assertThat(NotificationDerivation.derive(Events.bid("a-1", 2, "alice", 1_000, null, null))).isEmpty();
    }

    @Test
    void threeBiddersOutbiddingEachOtherNotifyEachDisplacedLeader() {
        // alice leads, bob outbids alice, carol outbids bob, alice outbids carol
        List<Notification> all = Stream.of(
                        Events.bid("a-1", 2, "alice", 1_000, null, null),
                        Events.bid("a-1", 3, "bob", 1_100, "alice", 1_000L),
                        Events.bid("a-1", 4, "carol", 1_200, "bob", 1_100L),
                        Events.bid("a-1", 5, "alice", 1_300, "carol", 1_200L))
                .flatMap(e -> NotificationDerivation.derive(e).stream())
                .toList();

        assertThat(all).extracting(Notification::recipientId, Notification::type, Notification::amount,
                        Notification::eventId)
                .containsExactly(
                        tuple("alice", OUTBID, 1_100L, "a-1:3"),
                        tuple("bob", OUTBID, 1_200L, "a-1:4"),
                        tuple("carol", OUTBID, 1_300L, "a-1:5"));
        assertThat(all.get(0).message()).contains("outbid", "a-1", "1100", "yours was 1000", "at least 1200");
    }

    @Test
    void aBidOutbidAtOnceByTheLeadersMaximumTellsItsBidderAndNotTheLeader() {
        var accepted = new BidAccepted("a-1:3", "a-1", 3, Events.T0, "c-3", "bob", 2_000, "alice", 1_000L, 2, 2_100,
                true, null);
        var raised = new BidRaisedByProxy("a-1:4", "a-1", 4, Events.T0, "c-3", "alice", 2_100, "bob", 2_000, 2,
                2_200);

        List<Notification> all = Stream.of(accepted, raised)
                .flatMap(e -> NotificationDerivation.derive(e).stream()).toList();

        assertThat(all).extracting(Notification::recipientId, Notification::type, Notification::amount,
                Notification::eventId).containsExactly(tuple("bob", OUTBID, 2_100L, "a-1:4"));
        assertThat(all.get(0).message()).contains("outbid at once", "2000", "2100", "at least 2200");
    }

    @Test
    void aHigherMaximumThatTakesTheLeadOutbidsTheLeaderAsAnyBidDoes() {
        var accepted = new BidAccepted("a-1:3", "a-1", 3, Events.T0, "c-3", "bob", 3_100, "alice", 1_000L, 2, 3_200,
                null, 1_100L);

        assertThat(NotificationDerivation.derive(accepted)).extracting(Notification::recipientId,
                Notification::type, Notification::amount).containsExactly(tuple("alice", OUTBID, 3_100L));
    }

    @Test
    void aLeaderRaisingTheirOwnMaximumNotifiesNoOne() {
        var raise = new BidAccepted("a-1:3", "a-1", 3, Events.T0, "c-3", "alice", 1_000, "alice", 1_000L, 2, 1_100,
                null, 1_100L);

        assertThat(NotificationDerivation.derive(raise)).isEmpty();
    }

    @Test
    void soldAuctionTellsTheWinnerWonAndTheSellerSold() {
        List<Notification> notifications = NotificationDerivation.derive(Events.sold("a-2", 7, "sam", "alice", 9_000));

        assertThat(notifications).extracting(Notification::recipientId, Notification::type, Notification::amount)
                .containsExactly(tuple("alice", WON, 9_000L), tuple("sam", SOLD, 9_000L));
        assertThat(notifications).allSatisfy(n -> {
            assertThat(n.eventId()).isEqualTo("a-2:7");
            assertThat(n.auctionId()).isEqualTo("a-2");
            assertThat(n.message()).contains("Starbucks Americano Tall", "9000");
            assertThat(n.occurredAt()).isEqualTo(Events.T0.plusSeconds(3600));
        });
    }

    @Test
    void auctionWithoutWinnerTellsOnlyTheSellerWhy() {
        assertThat(NotificationDerivation.derive(Events.unsold("a-3", 1, "sam", CloseOutcome.NO_BIDS)))
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.recipientId()).isEqualTo("sam");
                    assertThat(n.type()).isEqualTo(NOT_SOLD);
                    assertThat(n.amount()).isNull();
                    assertThat(n.message()).contains("no one bid");
                });
        assertThat(NotificationDerivation.derive(Events.unsold("a-4", 5, "sam", CloseOutcome.RESERVE_NOT_MET)))
                .singleElement()
                .satisfies(n -> assertThat(n.message()).contains("reserve price was not met"));
    }

    @Test
    void settlementTellsBuyerAndSellerWithTheirAmounts() {
        assertThat(NotificationDerivation.derive(Events.settled("a-5", "sam", "alice", 10_000)))
                .extracting(Notification::recipientId, Notification::type, Notification::amount)
                .containsExactly(tuple("alice", SETTLED, 10_000L), tuple("sam", SETTLED, 9_000L));
        assertThat(NotificationDerivation.derive(Events.paymentFailed("a-6", "sam", "alice", 10_000)))
                .extracting(Notification::recipientId, Notification::type, Notification::eventId)
                .containsExactly(tuple("alice", PAYMENT_FAILED, "a-6:settlement"),
                        tuple("sam", PAYMENT_FAILED, "a-6:settlement"));
    }

    @Test
    void aRefundTellsTheBuyerAndAFeeRefundTellsTheSeller() {
        PaymentRefunded toBuyer = new PaymentRefunded(PaymentRefunded.eventId("a-7", "r-1"), "a-7", Events.T0, "r-1",
                "BUYER", "alice", "sam", 10_000, 4_000, "KRW", "voucher partly used");
        PaymentRefunded feeToSeller = new PaymentRefunded(PaymentRefunded.eventId("a-7", "r-2"), "a-7", Events.T0,
                "r-2", "SELLER_FEE", "alice", "sam", 10_000, 500, "KRW", "goodwill");

        assertThat(NotificationDerivation.derive(toBuyer))
                .extracting(Notification::recipientId, Notification::type, Notification::amount, Notification::eventId)
                .containsExactly(tuple("alice", PAYMENT_REFUNDED, 4_000L, "a-7:refund:r-1"));
        assertThat(NotificationDerivation.derive(feeToSeller))
                .extracting(Notification::recipientId, Notification::type, Notification::amount)
                .containsExactly(tuple("sam", PAYMENT_REFUNDED, 500L));
    }

    @Test
    void aSecondChanceTellsTheRunnerUpOfTheOfferAndBothSidesOfItsOutcome() {
        String outcome = SecondChanceEvent.outcomeEventId("a-8");
        var offered = new SecondChanceOffered(SecondChanceEvent.offeredEventId("a-8"), "a-8", Events.T0, "c-1", "sam",
                "bob", 9_000, "KRW", "a-8:4", "a-8:settlement", Events.T0.plusSeconds(172_800));
        var bought = new SecondChanceCompleted(outcome, "a-8", Events.T0, "c-2", "sam", "bob", 9_000, 900, 8_100,
                "KRW", "pay-1");
        var failed = new SecondChanceFailed(outcome, "a-8", Events.T0, "c-2", "sam", "bob", 9_000, "KRW",
                "CARD_DECLINED", "insufficient funds");
        var declined = new SecondChanceDeclined(outcome, "a-8", Events.T0, "c-2", "sam", "bob", 9_000, "KRW");
        var expired = new SecondChanceExpired(outcome, "a-8", Events.T0, "sam", "bob", 9_000, "KRW");
        var refused = new SecondChanceRejected(SecondChanceEvent.rejectedEventId("a-8", "c-3"), "a-8", Events.T0,
                "c-3", "AcceptSecondChance", "carol", SecondChanceRejected.Reason.NOT_RUNNER_UP,
                "only the runner-up may answer the offer");

        assertThat(NotificationDerivation.derive(offered))
                .extracting(Notification::recipientId, Notification::type, Notification::amount)
                .containsExactly(tuple("bob", SECOND_CHANCE_OFFERED, 9_000L));
        assertThat(NotificationDerivation.derive(bought))
                .extracting(Notification::recipientId, Notification::type, Notification::amount)
                .containsExactly(tuple("bob", WON, 9_000L), tuple("sam", SOLD, 8_100L));
        assertThat(NotificationDerivation.derive(failed)).extracting(Notification::recipientId, Notification::type)
                .containsExactly(tuple("bob", PAYMENT_FAILED), tuple("sam", PAYMENT_FAILED));
        assertThat(NotificationDerivation.derive(declined)).extracting(Notification::recipientId, Notification::type)
                .containsExactly(tuple("sam", SECOND_CHANCE_ENDED));
        assertThat(NotificationDerivation.derive(expired)).extracting(Notification::recipientId, Notification::type)
                .containsExactly(tuple("sam", SECOND_CHANCE_ENDED), tuple("bob", SECOND_CHANCE_ENDED));
        assertThat(NotificationDerivation.derive(refused))
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.recipientId()).isEqualTo("carol");
                    assertThat(n.type()).isEqualTo(SECOND_CHANCE_REJECTED);
                    assertThat(n.message()).contains("NOT_RUNNER_UP");
                });
    }

    @Test
    void eventsThatConcernNoOneNotifyNoOne() {
        var rejected = new BidRejected("a-1:cmd:c-9", "a-1", Events.T0, "c-9", "bob", 10, RejectionReason.BID_TOO_LOW,
                1_000L);

        assertThat(NotificationDerivation.derive(rejected)).isEmpty();
    }
}
