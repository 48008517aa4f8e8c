package io.gream.engine.auction;

import io.gream.contracts.AuctionCancelled;
import io.gream.contracts.AuctionClosed;
import io.gream.contracts.AuctionCommand;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.AuctionExtended;
import io.gream.contracts.AuctionOpened;
import io.gream.contracts.BidAccepted;
import io.gream.contracts.BidRaisedByProxy;
import io.gream.contracts.BidRejected;
import io.gream.contracts.CancelAuction;
import io.gream.contracts.CloseOutcome;
import io.gream.contracts.CommandOutcome;
import io.gream.contracts.CommandRejected;
import io.gream.contracts.OpenAuction;
import io.gream.contracts.PlaceBid;
import io.gream.contracts.RejectionReason;
import io.gream.contracts.SequencedEvent;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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

/**
 * The auction rules of DESIGN.md section 2 and {@code docs/rules.md}, as a decider.
 *
 * <ul>
 *   <li>{@link #decide} answers a command given the auction's state and the command's time;</li>
 *   <li>{@link #closeIfDue} ends an open auction whose deadline has passed;</li>
 *   <li>{@link #evolve} applies an event to the state.</li>
 * </ul>
 * Each method reads its inputs only: no clock, no I/O, no Kafka. The caller (the topology) loads state, calls
 * these, stores the result and publishes the events.
 *
 * <p>Proxy bids: the state keeps the leader's secret maximum, and a bid is judged against it, so ties are settled
 * by log order (an equal maximum never displaces the earlier one). A plain bid is a proxy bid whose maximum is its
 * amount, which is why bidders who never set a maximum see the rules of before. The maximum never enters an event,
 * so a {@link Decision} carries the state to store.
 */
public final class AuctionRules {

    /** Voucher expiry dates are calendar dates where the vouchers are redeemed: Korea. */
    static final ZoneId VOUCHER_ZONE = ZoneId.of("Asia/Seoul");

    private final RuleLimits limits;

    public AuctionRules(RuleLimits limits) {
        this.limits = limits;
    }

    /**
     * Decides a command.
     *
     * @param state          the auction, empty if none was opened with this id
     * @param command        the command, already addressed to {@code state}'s id
     * @param at             the command's time: its broker timestamp
     * @param earlierOutcome the outcome recorded for this command id, if it was decided before
     */
    public Decision decide(Optional<Auction> state, AuctionCommand command, Instant at,
                           Optional<CommandOutcome> earlierOutcome) {
        if (earlierOutcome.isPresent()) {
            return Decision.repeatOf(earlierOutcome.get(), state);
        }
        // Java 17 has no pattern switch (a preview there); the sealed interface keeps the three cases closed.
        if (command instanceof OpenAuction open) {
            return decideOpen(state, open, at);
        }
        if (command instanceof PlaceBid bid) {
            return decideBid(state, bid, at);
        }
        if (command instanceof CancelAuction cancel) {
            return decideCancel(state, cancel, at);
        }
        throw new IllegalArgumentException("Unknown command type " + command.getClass().getName());
    }

    /**
     * Closes {@code auction} if it is open and its deadline is at or before {@code now}. The event's {@code at}
     * is the deadline itself, so it does not depend on when the engine got round to closing.
     */
    public Optional<AuctionClosed> closeIfDue(Auction auction, Instant now) {
        if (!(auction instanceof Auction.Open open) || open.endsAt().isAfter(now)) {
            return Optional.empty();
        }
        Bid leader = open.leader();
        CloseOutcome outcome = leader == null ? CloseOutcome.NO_BIDS
                : open.terms().reserveMetBy(leader.amount()) ? CloseOutcome.SOLD
                : CloseOutcome.RESERVE_NOT_MET;
        return Optional.of(closed(open, open.seq() + 1, open.endsAt(), null, outcome));
    }

    /**
     * Applies an event to the state. Rejections change nothing. A leader's secret maximum is not in any event:
     * a new leader is folded in as a plain bid of its visible price, and {@link #decide} adds the maximum.
     */
    public Optional<Auction> evolve(Optional<Auction> state, AuctionEvent event) {
        if (event instanceof AuctionOpened e) {
            return Optional.of(new Auction.Open(new AuctionTerms(e.auctionId(), e.sellerId(), e.item(),
                    e.startPrice(), e.minIncrement(), e.reservePrice(), e.buyNowPrice(), e.softCloseSeconds(),
                    e.at()), e.seq(), e.endsAt(), null, 0));
        }
        if (event instanceof BidAccepted e) {
            Auction.Open open = (Auction.Open) state.orElseThrow();
            Bid leader = open.leader();
            Bid next = !e.leads() ? leader
                    : leader != null && leader.bidderId().equals(e.bidderId()) ? leader.at(e.amount())
                    : new Bid(e.bidderId(), e.amount(), e.at(), e.commandId());
            return Optional.of(new Auction.Open(open.terms(), e.seq(), open.endsAt(), next, e.bidCount()));
        }
        if (event instanceof BidRaisedByProxy e) {
            Auction.Open open = (Auction.Open) state.orElseThrow();
            return Optional.of(new Auction.Open(open.terms(), e.seq(), open.endsAt(), open.leader().at(e.amount()),
                    e.bidCount()));
        }
        if (event instanceof AuctionExtended e) {
            Auction.Open open = (Auction.Open) state.orElseThrow();
            return Optional.of(new Auction.Open(open.terms(), e.seq(), e.endsAt(), open.leader(), open.bidCount()));
        }
        if (event instanceof AuctionClosed e) {
            Auction auction = state.orElseThrow();
            return Optional.of(new Auction.Closed(auction.terms(), e.seq(), auction.endsAt(), auction.leader(),
                    auction.bidCount(), e.outcome(), e.price(), e.at()));
        }
        if (event instanceof AuctionCancelled e) {
            Auction auction = state.orElseThrow();
            return Optional.of(new Auction.Cancelled(auction.terms(), e.seq(), auction.endsAt(), e.at()));
        }
        if (event instanceof BidRejected || event instanceof CommandRejected) {
            return state;
        }
        throw new IllegalArgumentException("Unknown event type " + event.getClass().getName());
    }

    private Decision decideOpen(Optional<Auction> state, OpenAuction open, Instant at) {
        if (state.isPresent()) {
            return rejected(state, open, at, AUCTION_EXISTS, "auction " + open.auctionId() + " already exists");
        }
        long max = limits.maxAmount();
        if (open.startPrice() <= 0 || open.startPrice() > max) {
            return rejected(state, open, at, INVALID_START_PRICE, "startPrice must be in 1.." + max);
        }
        if (open.minIncrement() <= 0 || open.minIncrement() > max) {
            return rejected(state, open, at, INVALID_MIN_INCREMENT, "minIncrement must be in 1.." + max);
        }
        Long reserve = open.reservePrice();
        if (reserve != null && (reserve < open.startPrice() || reserve > max)) {
            return rejected(state, open, at, INVALID_RESERVE_PRICE,
                    "reservePrice must be in startPrice.." + max);
        }
        Long buyNow = open.buyNowPrice();
        if (buyNow != null && (buyNow <= open.startPrice() || (reserve != null && buyNow < reserve) || buyNow > max)) {
            return rejected(state, open, at, INVALID_BUY_NOW_PRICE,
                    "buyNowPrice must be above startPrice, at least reservePrice, and at most " + max);
        }
        Instant latestEnd = at.plus(limits.maxDuration());
        if (!open.endsAt().isAfter(at) || open.endsAt().isAfter(latestEnd)) {
            return rejected(state, open, at, INVALID_END_TIME,
                    "endsAt must be after " + at + " and at most " + latestEnd);
        }
        if (open.softCloseSeconds() < 0 || open.softCloseSeconds() > limits.maxDuration().toSeconds()) {
            return rejected(state, open, at, INVALID_SOFT_CLOSE,
                    "softCloseSeconds must be in 0.." + limits.maxDuration().toSeconds());
        }
        if (open.item().faceValue() <= 0
                || open.item().voucherExpiresOn().isBefore(open.endsAt().atZone(VOUCHER_ZONE).toLocalDate())) {
            return rejected(state, open, at, INVALID_ITEM,
                    "the voucher needs a positive faceValue and must not expire before the auction ends");
        }
        return decided(state, new AuctionOpened(SequencedEvent.eventId(open.auctionId(), 1), open.auctionId(), 1, at,
                open.commandId(), open.sellerId(), open.item(), open.startPrice(), open.minIncrement(), reserve,
                buyNow, open.endsAt(), open.softCloseSeconds()));
    }

    private Decision decideBid(Optional<Auction> state, PlaceBid bid, Instant at) {
        if (state.isEmpty()) {
            return bidRejected(state, bid, at, AUCTION_NOT_FOUND, null);
        }
        if (!(state.get() instanceof Auction.Open open) || !at.isBefore(open.endsAt())) {
            return bidRejected(state, bid, at, AUCTION_CLOSED, null);
        }
        long minNextBid = open.minNextBid();
        if (bid.bidderId().equals(open.terms().sellerId())) {
            return bidRejected(state, bid, at, SELF_BID, minNextBid);
        }
        Bid leader = open.leader();
        boolean raisesOwnMaximum = leader != null && leader.bidderId().equals(bid.bidderId());
        // A leader may only raise their maximum; a plain bid from the leader is refused as before proxy bidding.
        if (raisesOwnMaximum && (bid.maxAmount() == null || bid.maxAmount() <= leader.maximum())) {
            return bidRejected(state, bid, at, ALREADY_LEADING, minNextBid);
        }
        if (bid.amount() < minNextBid) {
            return bidRejected(state, bid, at, BID_TOO_LOW, minNextBid);
        }
        if (bid.maximum() > limits.maxAmount()) {
            return bidRejected(state, bid, at, AMOUNT_TOO_HIGH, minNextBid);
        }

        AuctionTerms terms = open.terms();
        long seq = open.seq() + 1;
        long bidCount = open.bidCount() + 1;
        long increment = terms.minIncrement();
        String previousLeaderId = leader == null ? null : leader.bidderId();
        Long previousAmount = leader == null ? null : leader.amount();
        List<AuctionEvent> events = new ArrayList<>(3);
        boolean closesAtBuyNow = terms.buyNowReachedBy(bid.amount());
        // A raise of one's own maximum changes nothing others bid against, so it never extends the auction.
        boolean mayExtend = !raisesOwnMaximum;

        if (closesAtBuyNow) {
            // An amount that reaches buy-now buys at once, whatever maximums stand against it.
            events.add(accepted(bid, seq, at, bid.amount(), previousLeaderId, previousAmount, bidCount, false,
                    increment));
        } else if (raisesOwnMaximum) {
            // A raise changes the visible price only to meet the reserve; it is no contest, so it never buys now.
            long price = liftedToReserve(terms, leader.amount(), bid.maximum());
            events.add(accepted(bid, seq, at, price, previousLeaderId, previousAmount, bidCount, false, increment));
        } else if (leader == null || bid.maximum() > leader.maximum()) {
            // The new maximum wins: it pays one increment above the beaten maximum, or what it offered if more.
            long price = leader == null ? bid.amount()
                    : Math.max(bid.amount(), Math.min(bid.maximum(), leader.maximum() + increment));
            price = liftedToReserve(terms, price, bid.maximum());
            closesAtBuyNow = leader != null && terms.buyNowReachedBy(price);
            if (closesAtBuyNow) {
                price = terms.buyNowPrice();
            }
            events.add(accepted(bid, seq, at, price, previousLeaderId, previousAmount, bidCount, false, increment));
        } else {
            // The leader's maximum beats or (being earlier) equals this one: the bid stands but is outbid at once.
            events.add(accepted(bid, seq, at, bid.amount(), previousLeaderId, previousAmount, bidCount, true,
                    increment));
            long price = liftedToReserve(terms, Math.min(leader.maximum(), bid.maximum() + increment),
                    leader.maximum());
            closesAtBuyNow = terms.buyNowReachedBy(price);
            if (closesAtBuyNow) {
                price = terms.buyNowPrice();
            }
            seq++;
            events.add(new BidRaisedByProxy(SequencedEvent.eventId(bid.auctionId(), seq), bid.auctionId(), seq, at,
                    bid.commandId(), leader.bidderId(), price, bid.bidderId(), bid.amount(), bidCount,
                    price + increment));
        }

        Optional<Auction> after = fold(state, events);
        if (closesAtBuyNow) {
            events.add(closed((Auction.Open) after.orElseThrow(), seq + 1, at, bid.commandId(),
                    CloseOutcome.BUY_NOW));
        } else if (mayExtend && at.plusSeconds(terms.softCloseSeconds()).isAfter(open.endsAt())) {
            // Soft close: a bid that leaves less than softCloseSeconds on the clock resets it to softCloseSeconds;
            // a proxy raise it caused is part of the same decision, so it counts as that bid and no more.
            events.add(new AuctionExtended(SequencedEvent.eventId(bid.auctionId(), seq + 1), bid.auctionId(),
                    seq + 1, at, bid.commandId(), open.endsAt(), at.plusSeconds(terms.softCloseSeconds())));
        }
        after = fold(state, events).map(auction -> withMaximumOf(auction, bid));
        return new Decision((CommandOutcome) events.get(0), events, false, after);
    }

    /** eBay's reserve rule: a maximum that meets the reserve lifts the price to the reserve at once. */
    private static long liftedToReserve(AuctionTerms terms, long price, long maximum) {
        Long reserve = terms.reservePrice();
        return reserve != null && price < reserve && maximum >= reserve ? reserve : price;
    }

    /** Records the secret maximum of {@code bid}'s bidder when they lead; the events left it out. */
    private static Auction withMaximumOf(Auction auction, PlaceBid bid) {
        Bid leader = auction.leader();
        if (leader == null || !leader.bidderId().equals(bid.bidderId())) {
            return auction;
        }
        Bid secret = leader.withMaximum(bid.maxAmount());
        if (auction instanceof Auction.Open open) {
            return new Auction.Open(open.terms(), open.seq(), open.endsAt(), secret, open.bidCount());
        }
        if (auction instanceof Auction.Closed closed) {
            return new Auction.Closed(closed.terms(), closed.seq(), closed.endsAt(), secret, closed.bidCount(),
                    closed.outcome(), closed.price(), closed.closedAt());
        }
        return auction;
    }

    private static BidAccepted accepted(PlaceBid bid, long seq, Instant at, long price, String previousLeaderId,
                                        Long previousAmount, long bidCount, boolean outbidByProxy, long increment) {
        return new BidAccepted(SequencedEvent.eventId(bid.auctionId(), seq), bid.auctionId(), seq, at,
                bid.commandId(), bid.bidderId(), price, previousLeaderId, previousAmount, bidCount,
                price + increment, outbidByProxy ? Boolean.TRUE : null, price == bid.amount() ? null : bid.amount());
    }

    private Optional<Auction> fold(Optional<Auction> state, List<AuctionEvent> events) {
        Optional<Auction> after = state;
        for (AuctionEvent event : events) {
            after = evolve(after, event);
        }
        return after;
    }

    private Decision decided(Optional<Auction> state, CommandOutcome outcome) {
        return new Decision(outcome, List.of(outcome), false, evolve(state, outcome));
    }

    private Decision decideCancel(Optional<Auction> state, CancelAuction cancel, Instant at) {
        if (state.isEmpty()) {
            return rejected(state, cancel, at, AUCTION_NOT_FOUND, "no auction " + cancel.auctionId());
        }
        if (!(state.get() instanceof Auction.Open open) || !at.isBefore(open.endsAt())) {
            return rejected(state, cancel, at, AUCTION_CLOSED, "the auction has ended");
        }
        if (!cancel.sellerId().equals(open.terms().sellerId())) {
            return rejected(state, cancel, at, NOT_SELLER, "only the seller may cancel");
        }
        if (open.bidCount() > 0) {
            return rejected(state, cancel, at, HAS_BIDS, "an auction with bids cannot be cancelled");
        }
        long seq = open.seq() + 1;
        return decided(state, new AuctionCancelled(SequencedEvent.eventId(cancel.auctionId(), seq), cancel.auctionId(),
                seq, at, cancel.commandId(), open.terms().sellerId()));
    }

    private static AuctionClosed closed(Auction.Open open, long seq, Instant at, String commandId,
                                        CloseOutcome outcome) {
        Bid leader = open.leader();
        Long price = switch (outcome) {
            case SOLD -> leader.amount();
            // Whoever bids at least the buy-now price buys at that price, never above it.
            case BUY_NOW -> open.terms().buyNowPrice();
            case RESERVE_NOT_MET, NO_BIDS -> null;
        };
        return new AuctionClosed(SequencedEvent.eventId(open.auctionId(), seq), open.auctionId(), seq, at, commandId,
                open.terms().sellerId(), open.terms().item(), outcome,
                outcome.hasWinner() ? leader.bidderId() : null, price, open.bidCount());
    }

    private Decision bidRejected(Optional<Auction> state, PlaceBid bid, Instant at, RejectionReason reason,
                                 Long minNextBid) {
        return decided(state, new BidRejected(CommandOutcome.rejectionEventId(bid.auctionId(), bid.commandId()),
                bid.auctionId(), at, bid.commandId(), bid.bidderId(), bid.amount(), reason, minNextBid));
    }

    private Decision rejected(Optional<Auction> state, AuctionCommand command, Instant at, RejectionReason reason,
                              String detail) {
        return decided(state, new CommandRejected(
                CommandOutcome.rejectionEventId(command.auctionId(), command.commandId()), command.auctionId(), at,
                command.commandId(), command.getClass().getSimpleName(), command.actorId(), reason, detail));
    }
}
