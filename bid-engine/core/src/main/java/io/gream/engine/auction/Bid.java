package io.gream.engine.auction;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/**
 * The leading bid: who leads, at what visible price, since which command.
 *
 * @param amount    the visible price the bidder leads at
 * @param at        when the bidder took the lead
 * @param commandId the bid with which they took the lead
 * @param maxAmount the bidder's secret maximum, {@code null} for a plain bid (the maximum is then {@code amount});
 *                  never published, only shown to the bidder themself
 */
public record Bid(String bidderId, long amount, Instant at, String commandId, Long maxAmount) {

    /** A plain bid: the bidder offers {@code amount} and no more. */
    public Bid(String bidderId, long amount, Instant at, String commandId) {
        this(bidderId, amount, at, commandId, null);
    }

    /** The most this bidder will pay. */
    @JsonIgnore
    public long maximum() {
        return maxAmount == null ? amount : Math.max(amount, maxAmount);
    }

    Bid at(long price) {
        return new Bid(bidderId, price, at, commandId, maxAmount);
    }

    Bid withMaximum(Long maximum) {
        return new Bid(bidderId, amount, at, commandId, maximum);
    }
}
