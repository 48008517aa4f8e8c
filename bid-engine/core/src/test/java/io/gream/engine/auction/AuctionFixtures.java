package io.gream.engine.auction;

import io.gream.contracts.AuctionCommand;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.AuctionOpened;
import io.gream.contracts.BidAccepted;
import io.gream.contracts.CancelAuction;
import io.gream.contracts.Item;
import io.gream.contracts.OpenAuction;
import io.gream.contracts.PlaceBid;
import io.gream.contracts.SequencedEvent;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Given-state helpers for the rules tests: one default auction ({@link #AUCTION}, sold by {@link #SELLER},
 * opened at {@link #OPENED_AT}, ending at {@link #ENDS_AT}) whose terms a test changes through {@link Terms},
 * {@link #given} to fold a history of events into the state the decider sees, and {@link #after} to build one from
 * commands when it holds proxy bids.
 */
final class AuctionFixtures {

    static final String AUCTION = "auction-1";
    static final String SELLER = "seller-1";
    static final String ALICE = "bidder-alice";
    static final String BOB = "bidder-bob";
    static final String CAROL = "bidder-carol";
    static final Item VOUCHER = new Item("Starbucks", "Americano Tall", 4_500, LocalDate.parse("2027-01-31"));
    static final Instant OPENED_AT = Instant.parse("2026-11-22T10:00:00Z");
    static final Instant ENDS_AT = Instant.parse("2026-11-22T12:00:00Z");
    static final long START_PRICE = 1_000;
    static final long MIN_INCREMENT = 100;
    static final RuleLimits LIMITS = RuleLimits.DEFAULT;

    private AuctionFixtures() {
    }

    static AuctionRules rules() {
        return new AuctionRules(LIMITS);
    }

    /** Folds {@code events} into a state, as the engine does when it applies its own decisions. */
    static Optional<Auction> given(AuctionEvent... events) {
        AuctionRules rules = rules();
        Optional<Auction> state = Optional.empty();
        for (AuctionEvent event : events) {
            state = rules.evolve(state, event);
        }
        return state;
    }

    static Optional<Auction> nothing() {
        return Optional.empty();
    }

    static Terms terms() {
        return new Terms();
    }

    /** The default auction's {@link AuctionOpened}, seq 1. */
    static AuctionOpened opened() {
        return terms().opened();
    }

    static PlaceBid bid(String commandId, String bidderId, long amount) {
        return new PlaceBid(commandId, AUCTION, bidderId, amount);
    }

    /** A proxy bid: {@code amount} now, and the engine may bid for the bidder up to {@code maxAmount}. */
    static PlaceBid proxyBid(String commandId, String bidderId, long amount, long maxAmount) {
        return new PlaceBid(commandId, AUCTION, bidderId, amount, maxAmount);
    }

    /**
     * The state after deciding {@code command} at {@code at}, secret maximum included: the way to build a history
     * with proxy bids, whose maximums no event carries.
     */
    static Optional<Auction> after(Optional<Auction> state, AuctionCommand command, Instant at) {
        return rules().decide(state, command, at, Optional.empty()).state();
    }

    static CancelAuction cancel(String commandId, String sellerId) {
        return new CancelAuction(commandId, AUCTION, sellerId);
    }

    /** An accepted bid as the rules would have emitted it, for building a history. */
    static BidAccepted accepted(long seq, Instant at, String commandId, String bidderId, long amount,
                                String previousLeaderId, Long previousAmount, long bidCount) {
        return new BidAccepted(SequencedEvent.eventId(AUCTION, seq), AUCTION, seq, at, commandId, bidderId, amount,
                previousLeaderId, previousAmount, bidCount, amount + MIN_INCREMENT);
    }

    static Instant minutesBefore(Instant instant, long minutes) {
        return instant.minus(Duration.ofMinutes(minutes));
    }

    /** The terms of an {@link OpenAuction}, defaulting to the fixture's auction; each setter returns a copy. */
    static final class Terms {
        String commandId = "cmd-open";
        String sellerId = SELLER;
        Item item = VOUCHER;
        long startPrice = START_PRICE;
        long minIncrement = MIN_INCREMENT;
        Long reservePrice;
        Long buyNowPrice;
        Instant endsAt = ENDS_AT;
        long softCloseSeconds;

        private Terms copy() {
            Terms copy = new Terms();
            copy.commandId = commandId;
            copy.sellerId = sellerId;
            copy.item = item;
            copy.startPrice = startPrice;
            copy.minIncrement = minIncrement;
            copy.reservePrice = reservePrice;
            copy.buyNowPrice = buyNowPrice;
            copy.endsAt = endsAt;
            copy.softCloseSeconds = softCloseSeconds;
            return copy;
        }

        Terms commandId(String value) {
            Terms copy = copy();
            copy.commandId = value;
            return copy;
        }

        Terms sellerId(String value) {
            Terms copy = copy();
            copy.sellerId = value;
            return copy;
        }

        Terms item(Item value) {
            Terms copy = copy();
            copy.item = value;
            return copy;
        }

        Terms startPrice(long value) {
            Terms copy = copy();
            copy.startPrice = value;
            return copy;
        }

        Terms minIncrement(long value) {
            Terms copy = copy();
            copy.minIncrement = value;
            return copy;
        }

        Terms reservePrice(Long value) {
            Terms copy = copy();
            copy.reservePrice = value;
            return copy;
        }

        Terms buyNowPrice(Long value) {
            Terms copy = copy();
            copy.buyNowPrice = value;
            return copy;
        }

        Terms endsAt(Instant value) {
            Terms copy = copy();
            copy.endsAt = value;
            return copy;
        }

        Terms softCloseSeconds(long value) {
            Terms copy = copy();
            copy.softCloseSeconds = value;
            return copy;
        }

        OpenAuction command() {
            return new OpenAuction(commandId, AUCTION, sellerId, item, startPrice, minIncrement, reservePrice,
                    buyNowPrice, endsAt, softCloseSeconds);
        }

        /** The event that opening with these terms at {@link #OPENED_AT} yields. */
        AuctionOpened opened() {
            return new AuctionOpened(SequencedEvent.eventId(AUCTION, 1), AUCTION, 1, OPENED_AT, commandId, sellerId,
                    item, startPrice, minIncrement, reservePrice, buyNowPrice, endsAt, softCloseSeconds);
        }
    }
}
