package io.gream.notifier.notification;

import io.gream.contracts.AuctionClosed;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.BidAccepted;
import io.gream.contracts.BidRaisedByProxy;
import io.gream.contracts.SettlementCompleted;
import io.gream.contracts.SettlementEvent;
import io.gream.contracts.PaymentRefunded;
import io.gream.contracts.SecondChanceCompleted;
import io.gream.contracts.SecondChanceDeclined;
import io.gream.contracts.SecondChanceEvent;
import io.gream.contracts.SecondChanceExpired;
import io.gream.contracts.SecondChanceFailed;
import io.gream.contracts.SecondChanceOffered;
import io.gream.contracts.SecondChanceRejected;
import io.gream.contracts.SettlementFailed;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides who is told what about an event: a pure function, no Kafka, no database, no clock.
 *
 * <ul>
 *   <li>{@code BidAccepted} with a previous leader: {@code OUTBID} to that leader (the first bid outbids no one;
 *       a leader raising their own maximum outbids no one; a bid that the leader's maximum beat at once,
 *       {@code outbidByProxy}, leaves the leader leading).</li>
 *   <li>{@code BidRaisedByProxy}: {@code OUTBID} to the bidder the leader's maximum just beat, at once.</li>
 *   <li>{@code AuctionClosed} with a winner: {@code WON} to the winner, {@code SOLD} to the seller; without one:
 *       {@code NOT_SOLD} to the seller.</li>
 *   <li>{@code SettlementCompleted}: {@code SETTLED} to buyer and seller; {@code SettlementFailed}:
 *       {@code PAYMENT_FAILED} to both (the seller learns the sale did not complete); {@code PaymentRefunded}:
 *       {@code PAYMENT_REFUNDED} to the buyer, or to the seller for a refunded fee.</li>
 *   <li>Second chances: {@code SecondChanceOffered}: {@code SECOND_CHANCE_OFFERED} to the runner-up;
 *       {@code SecondChanceCompleted}: {@code WON} to the runner-up and {@code SOLD} to the seller, both paid;
 *       {@code SecondChanceFailed}: {@code PAYMENT_FAILED} to both; {@code SecondChanceDeclined}:
 *       {@code SECOND_CHANCE_ENDED} to the seller; {@code SecondChanceExpired}: {@code SECOND_CHANCE_ENDED} to both;
 *       {@code SecondChanceRejected}: {@code SECOND_CHANCE_REJECTED} to whoever sent the command.</li>
 * </ul>
 * Every other event (opened, extended, rejected, cancelled) notifies no one.
 */
public final class NotificationDerivation {

    private NotificationDerivation() {
    }

    /** The notifications for an event read from {@code gream.auction-events} or {@code gream.settlement-events}. */
    public static List<Notification> derive(Object event) {
        if (event instanceof AuctionEvent auctionEvent) {
            return fromAuctionEvent(auctionEvent);
        }
        if (event instanceof SettlementEvent settlementEvent) {
            return fromSettlementEvent(settlementEvent);
        }
        throw new IllegalArgumentException("Not an auction or settlement event: "
                + (event == null ? "null" : event.getClass().getName()));
    }

    static List<Notification> fromAuctionEvent(AuctionEvent event) {
        if (event instanceof BidAccepted bid) {
            if (bid.previousLeaderId() == null || bid.previousLeaderId().equals(bid.bidderId()) || !bid.leads()) {
                return List.of();
            }
            return List.of(new Notification(bid.eventId(), bid.previousLeaderId(), NotificationType.OUTBID,
                    bid.auctionId(), bid.amount(),
                    "You were outbid on auction " + bid.auctionId() + ": the highest bid is now " + bid.amount()
                            + (bid.previousAmount() == null ? "" : " (yours was " + bid.previousAmount() + ")")
                            + "; bid at least " + bid.minNextBid() + " to lead again.",
                    bid.at()));
        }
        if (event instanceof BidRaisedByProxy raise) {
            // The maximum is secret: the message gives the new price, never how far the leader would go.
            return List.of(new Notification(raise.eventId(), raise.previousLeaderId(), NotificationType.OUTBID,
                    raise.auctionId(), raise.amount(),
                    "You were outbid at once on auction " + raise.auctionId() + ": another bidder's maximum beat your "
                            + "bid of " + raise.previousAmount() + " and the highest bid is now " + raise.amount()
                            + "; bid at least " + raise.minNextBid() + " to try again.",
                    raise.at()));
        }
        if (event instanceof AuctionClosed closed) {
            String what = closed.item() == null ? "auction " + closed.auctionId()
                    : closed.item().brand() + " " + closed.item().name() + " (auction " + closed.auctionId() + ")";
            if (closed.outcome().hasWinner() && closed.winnerId() != null) {
                List<Notification> both = new ArrayList<>(2);
                both.add(new Notification(closed.eventId(), closed.winnerId(), NotificationType.WON,
                        closed.auctionId(), closed.price(),
                        "You won " + what + " for " + closed.price() + ". Payment follows.", closed.at()));
                both.add(new Notification(closed.eventId(), closed.sellerId(), NotificationType.SOLD,
                        closed.auctionId(), closed.price(),
                        "Your " + what + " sold for " + closed.price() + " after " + closed.bidCount() + " bid"
                                + (closed.bidCount() == 1 ? "" : "s") + ".", closed.at()));
                return both;
            }
            String why = switch (closed.outcome()) {
                case NO_BIDS -> "no one bid";
                case RESERVE_NOT_MET -> "the reserve price was not met";
                default -> "it ended without a winner";
            };
            return List.of(new Notification(closed.eventId(), closed.sellerId(), NotificationType.NOT_SOLD,
                    closed.auctionId(), null, "Your " + what + " did not sell: " + why + ".", closed.at()));
        }
        return List.of();
    }

    static List<Notification> fromSettlementEvent(SettlementEvent event) {
        if (event instanceof SecondChanceEvent secondChance) {
            return fromSecondChance(secondChance);
        }
        if (event instanceof SettlementCompleted done) {
            return List.of(
                    new Notification(done.eventId(), done.winnerId(), NotificationType.SETTLED, done.auctionId(),
                            done.price(), "Payment of " + done.price() + " " + done.currency() + " for auction "
                            + done.auctionId() + " went through. Your voucher is on its way.", done.at()),
                    new Notification(done.eventId(), done.sellerId(), NotificationType.SETTLED, done.auctionId(),
                            done.sellerProceeds(), "The buyer paid " + done.price() + " " + done.currency()
                            + " for auction " + done.auctionId() + "; your proceeds are " + done.sellerProceeds()
                            + " " + done.currency() + " after a fee of " + done.fee() + ".", done.at()));
        }
        if (event instanceof PaymentRefunded refunded) {
            if ("SELLER_FEE".equals(refunded.kind())) {
                return List.of(new Notification(refunded.eventId(), refunded.sellerId(),
                        NotificationType.PAYMENT_REFUNDED, refunded.auctionId(), refunded.amount(), "The fee of "
                        + refunded.amount() + " " + refunded.currency() + " on auction " + refunded.auctionId()
                        + " is refunded to you (" + refunded.reason() + ").", refunded.at()));
            }
            return List.of(new Notification(refunded.eventId(), refunded.winnerId(),
                    NotificationType.PAYMENT_REFUNDED, refunded.auctionId(), refunded.amount(), refunded.amount()
                    + " " + refunded.currency() + " of your payment for auction " + refunded.auctionId()
                    + " is refunded (" + refunded.reason() + ").", refunded.at()));
        }
        SettlementFailed failed = (SettlementFailed) event;
        return List.of(
                new Notification(failed.eventId(), failed.winnerId(), NotificationType.PAYMENT_FAILED,
                        failed.auctionId(), failed.price(), "Your payment of " + failed.price() + " "
                        + failed.currency() + " for auction " + failed.auctionId() + " failed (" + failed.reason()
                        + "): " + failed.message(), failed.at()),
                new Notification(failed.eventId(), failed.sellerId(), NotificationType.PAYMENT_FAILED,
                        failed.auctionId(), failed.price(), "The winner's payment for auction " + failed.auctionId()
                        + " failed (" + failed.reason() + "); the sale is not complete.", failed.at()));
    }

    static List<Notification> fromSecondChance(SecondChanceEvent event) {
        String auction = "auction " + event.auctionId();
        if (event instanceof SecondChanceOffered offered) {
            return List.of(new Notification(offered.eventId(), offered.runnerUpId(),
                    NotificationType.SECOND_CHANCE_OFFERED, offered.auctionId(), offered.price(), "The winner of "
                    + auction + " could not pay. The seller offers you the voucher at your highest bid, "
                    + offered.price() + " " + offered.currency() + ": accept or decline it before "
                    + offered.expiresAt() + ".", offered.at()));
        }
        if (event instanceof SecondChanceCompleted bought) {
            return List.of(
                    new Notification(bought.eventId(), bought.runnerUpId(), NotificationType.WON, bought.auctionId(),
                            bought.price(), "You bought " + auction + " in a second chance: your payment of "
                            + bought.price() + " " + bought.currency() + " went through. Your voucher is on its way.",
                            bought.at()),
                    new Notification(bought.eventId(), bought.sellerId(), NotificationType.SOLD, bought.auctionId(),
                            bought.sellerProceeds(), "Your " + auction + " sold in a second chance to the runner-up"
                            + " for " + bought.price() + " " + bought.currency() + ", paid; your proceeds are "
                            + bought.sellerProceeds() + " " + bought.currency() + " after a fee of " + bought.fee()
                            + ".", bought.at()));
        }
        if (event instanceof SecondChanceFailed failed) {
            return List.of(
                    new Notification(failed.eventId(), failed.runnerUpId(), NotificationType.PAYMENT_FAILED,
                            failed.auctionId(), failed.price(), "Your payment of " + failed.price() + " "
                            + failed.currency() + " for the second chance on " + auction + " failed ("
                            + failed.reason() + "): " + failed.message(), failed.at()),
                    new Notification(failed.eventId(), failed.sellerId(), NotificationType.PAYMENT_FAILED,
                            failed.auctionId(), failed.price(), "The runner-up's payment for " + auction + " failed ("
                            + failed.reason() + "); the second chance did not sell it.", failed.at()));
        }
        if (event instanceof SecondChanceDeclined declined) {
            return List.of(new Notification(declined.eventId(), declined.sellerId(),
                    NotificationType.SECOND_CHANCE_ENDED, declined.auctionId(), declined.price(),
                    "The runner-up declined your second-chance offer on " + auction + ".", declined.at()));
        }
        if (event instanceof SecondChanceExpired expired) {
            return List.of(
                    new Notification(expired.eventId(), expired.sellerId(), NotificationType.SECOND_CHANCE_ENDED,
                            expired.auctionId(), expired.price(), "The runner-up did not answer your second-chance"
                            + " offer on " + auction + " in time; it expired.", expired.at()),
                    new Notification(expired.eventId(), expired.runnerUpId(), NotificationType.SECOND_CHANCE_ENDED,
                            expired.auctionId(), expired.price(), "The second-chance offer on " + auction
                            + " expired unanswered.", expired.at()));
        }
        SecondChanceRejected rejected = (SecondChanceRejected) event;
        return List.of(new Notification(rejected.eventId(), rejected.actorId(), NotificationType.SECOND_CHANCE_REJECTED,
                rejected.auctionId(), null, "Your " + rejected.commandType() + " on " + auction + " was refused ("
                + rejected.reason() + "): " + rejected.message() + ".", rejected.at()));
    }
}
