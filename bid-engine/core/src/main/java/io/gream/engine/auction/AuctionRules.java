package io.gream.engine.auction;

import io.gream.contracts.AuctionCancelled;
import io.gream.contracts.AuctionClosed;
import io.gream.contracts.AuctionCommand;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.AuctionExtended;
import io.gream.contracts.AuctionOpened;
import io.gream.contracts.BidAccepted;
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
 * The auction rules of DESIGN.md section 2, as a decider.
 *
 * <ul>
 *   <li>{@link #decide} answers a command given the auction's state and the command's time;</li>
 *   <li>{@link #closeIfDue} ends an open auction whose deadline has passed;</li>
 *   <li>{@link #evolve} applies an event to the state.</li>
 * </ul>
 * Each method reads its inputs only: no clock, no I/O, no Kafka. The caller (the topology) loads state, calls
 * these, stores the result and publishes the events.
 *
 * <p>Ties need no special case: after the first bid every accepted bid must reach {@code highest + minIncrement}
 * with {@code minIncrement > 0}, so an equal amount is {@code BID_TOO_LOW} and the earlier bid keeps the lead.
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
            return Decision.repeatOf(earlierOutcome.get());
        }
        if (command instanceof OpenAuction open) {
            return decideOpen(state, open, at);
        }
        if (command instanceof PlaceBid bid) {
            return decideBid(state, bid, at);
        }
        return decideCancel(state, (CancelAuction) command, at);
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

    /** Applies an event to the state. Rejections change nothing. */
    public Optional<Auction> evolve(Optional<Auction> state, AuctionEvent event) {
        if (event instanceof AuctionOpened e) {
            return Optional.of(new Auction.Open(new AuctionTerms(e.auctionId(), e.sellerId(), e.item(),
                    e.startPrice(), e.minIncrement(), e.reservePrice(), e.buyNowPrice(), e.softCloseSeconds(),
                    e.at()), e.seq(), e.endsAt(), null, 0));
        }
        if (event instanceof BidAccepted e) {
            Auction.Open open = (Auction.Open) state.orElseThrow();
            return Optional.of(new Auction.Open(open.terms(), e.seq(), open.endsAt(),
                    new Bid(e.bidderId(), e.amount(), e.at(), e.commandId()), e.bidCount()));
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
        return state; // BidRejected, CommandRejected
    }

    private Decision decideOpen(Optional<Auction> state, OpenAuction open, Instant at) {
        if (state.isPresent()) {
            return rejected(open, at, AUCTION_EXISTS, "auction " + open.auctionId() + " already exists");
        }
        long max = limits.maxAmount();
        if (open.startPrice() <= 0 || open.startPrice() > max) {
            return rejected(open, at, INVALID_START_PRICE, "startPrice must be in 1.." + max);
        }
        if (open.minIncrement() <= 0 || open.minIncrement() > max) {
            return rejected(open, at, INVALID_MIN_INCREMENT, "minIncrement must be in 1.." + max);
        }
        Long reserve = open.reservePrice();
        if (reserve != null && (reserve < open.startPrice() || reserve > max)) {
            return rejected(open, at, INVALID_RESERVE_PRICE, "reservePrice must be in startPrice.." + max);
        }
        Long buyNow = open.buyNowPrice();
        if (buyNow != null && (buyNow <= open.startPrice() || (reserve != null && buyNow < reserve) || buyNow > max)) {
            return rejected(open, at, INVALID_BUY_NOW_PRICE,
                    "buyNowPrice must be above startPrice, at least reservePrice, and at most " + max);
        }
        Instant latestEnd = at.plus(limits.maxDuration());
        if (!open.endsAt().isAfter(at) || open.endsAt().isAfter(latestEnd)) {
            return rejected(open, at, INVALID_END_TIME, "endsAt must be after " + at + " and at most " + latestEnd);
        }
        if (open.softCloseSeconds() < 0 || open.softCloseSeconds() > limits.maxDuration().toSeconds()) {
            return rejected(open, at, INVALID_SOFT_CLOSE,
                    "softCloseSeconds must be in 0.." + limits.maxDuration().toSeconds());
        }
        if (open.item().faceValue() <= 0
                || open.item().voucherExpiresOn().isBefore(open.endsAt().atZone(VOUCHER_ZONE).toLocalDate())) {
            return rejected(open, at, INVALID_ITEM,
                    "the voucher needs a positive faceValue and must not expire before the auction ends");
        }
        return Decision.of(new AuctionOpened(SequencedEvent.eventId(open.auctionId(), 1), open.auctionId(), 1, at,
                open.commandId(), open.sellerId(), open.item(), open.startPrice(), open.minIncrement(), reserve,
                buyNow, open.endsAt(), open.softCloseSeconds()));
    }

    private Decision decideBid(Optional<Auction> state, PlaceBid bid, Instant at) {
        if (state.isEmpty()) {
            return bidRejected(bid, at, AUCTION_NOT_FOUND, null);
        }
        if (!(state.get() instanceof Auction.Open open) || !at.isBefore(open.endsAt())) {
            return bidRejected(bid, at, AUCTION_CLOSED, null);
        }
        long minNextBid = open.minNextBid();
        if (bid.bidderId().equals(open.terms().sellerId())) {
            return bidRejected(bid, at, SELF_BID, minNextBid);
        }
        if (open.leader() != null && open.leader().bidderId().equals(bid.bidderId())) {
            return bidRejected(bid, at, ALREADY_LEADING, minNextBid);
        }
        if (bid.amount() < minNextBid) {
            return bidRejected(bid, at, BID_TOO_LOW, minNextBid);
        }
        if (bid.amount() > limits.maxAmount()) {
            return bidRejected(bid, at, AMOUNT_TOO_HIGH, minNextBid);
        }

        long seq = open.seq() + 1;
        Bid previous = open.leader();
        BidAccepted accepted = new BidAccepted(SequencedEvent.eventId(bid.auctionId(), seq), bid.auctionId(), seq,
                at, bid.commandId(), bid.bidderId(), bid.amount(),
                previous == null ? null : previous.bidderId(), previous == null ? null : previous.amount(),
                open.bidCount() + 1, bid.amount() + open.terms().minIncrement());

        if (open.terms().buyNowReachedBy(bid.amount())) {
            Auction.Open leading = new Auction.Open(open.terms(), seq, open.endsAt(),
                    new Bid(bid.bidderId(), bid.amount(), at, bid.commandId()), open.bidCount() + 1);
            return Decision.of(accepted, closed(leading, seq + 1, at, bid.commandId(), CloseOutcome.BUY_NOW));
        }
        // Soft close: a bid that leaves less than softCloseSeconds on the clock resets it to softCloseSeconds.
        Instant extendedEnd = at.plusSeconds(open.terms().softCloseSeconds());
        if (extendedEnd.isAfter(open.endsAt())) {
            return Decision.of(accepted, new AuctionExtended(SequencedEvent.eventId(bid.auctionId(), seq + 1),
                    bid.auctionId(), seq + 1, at, bid.commandId(), open.endsAt(), extendedEnd));
        }
        return Decision.of(accepted);
    }

    private Decision decideCancel(Optional<Auction> state, CancelAuction cancel, Instant at) {
        if (state.isEmpty()) {
            return rejected(cancel, at, AUCTION_NOT_FOUND, "no auction " + cancel.auctionId());
        }
        if (!(state.get() instanceof Auction.Open open) || !at.isBefore(open.endsAt())) {
            return rejected(cancel, at, AUCTION_CLOSED, "the auction has ended");
        }
        if (!cancel.sellerId().equals(open.terms().sellerId())) {
            return rejected(cancel, at, NOT_SELLER, "only the seller may cancel");
        }
        if (open.bidCount() > 0) {
            return rejected(cancel, at, HAS_BIDS, "an auction with bids cannot be cancelled");
        }
        long seq = open.seq() + 1;
        return Decision.of(new AuctionCancelled(SequencedEvent.eventId(cancel.auctionId(), seq), cancel.auctionId(),
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

    private static Decision bidRejected(PlaceBid bid, Instant at, RejectionReason reason, Long minNextBid) {
        return Decision.of(new BidRejected(CommandOutcome.rejectionEventId(bid.auctionId(), bid.commandId()),
                bid.auctionId(), at, bid.commandId(), bid.bidderId(), bid.amount(), reason, minNextBid));
    }

    private static Decision rejected(AuctionCommand command, Instant at, RejectionReason reason, String detail) {
        return Decision.of(new CommandRejected(
                CommandOutcome.rejectionEventId(command.auctionId(), command.commandId()), command.auctionId(), at,
                command.commandId(), command.getClass().getSimpleName(), command.actorId(), reason, detail));
    }
}
