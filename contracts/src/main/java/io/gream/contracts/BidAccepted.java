package io.gream.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/**
 * A bid was accepted. Usually it became the highest: {@code bidderId} leads at {@code amount} and
 * {@code previousLeaderId} (absent for the first bid) is the bidder who was outbid.
 *
 * <p>With proxy bidding, {@code amount} is the visible price the bidder leads at, which the engine may set above the
 * amount offered (up to the bidder's secret maximum) to beat the previous leader's maximum or to meet the reserve.
 * When the leader's maximum beats or equals this bid, {@code outbidByProxy} is {@code true}, the leader never
 * changed, and a {@link BidRaisedByProxy} with the same {@code commandId} follows. A leader raising their own
 * maximum gets a {@code BidAccepted} naming themself as {@code previousLeaderId}, at the unchanged price (or the
 * reserve, if the new maximum meets it).
 *
 * @param bidCount      accepted bids so far, this one included
 * @param minNextBid    the least the next bid must offer
 * @param outbidByProxy {@code true} when the leader's maximum outbid this bid at once; absent otherwise
 * @param offeredAmount the amount the bid offered, present only when {@code amount} differs from it (a proxy bid
 *                      that leads above what it offered or at the reserve, a leader's raise of their maximum)
 */
public record BidAccepted(
        String eventId,
        String auctionId,
        long seq,
        Instant at,
        String commandId,
        String bidderId,
        long amount,
        String previousLeaderId,
        Long previousAmount,
        long bidCount,
        long minNextBid,
        Boolean outbidByProxy,
        Long offeredAmount) implements SequencedEvent, CommandOutcome {

    /** A bid that leads: the form every bid had before proxy bidding. */
    public BidAccepted(String eventId, String auctionId, long seq, Instant at, String commandId, String bidderId,
                       long amount, String previousLeaderId, Long previousAmount, long bidCount, long minNextBid) {
        this(eventId, auctionId, seq, at, commandId, bidderId, amount, previousLeaderId, previousAmount, bidCount,
                minNextBid, null, null);
    }

    @Override
    public boolean accepted() {
        return true;
    }

    /** The amount the bid offered, which is {@code amount} unless proxy bidding set the price. */
    @JsonIgnore
    public long offered() {
        return offeredAmount == null ? amount : offeredAmount;
    }

    /** Whether {@code bidderId} leads after this event. */
    @JsonIgnore
    public boolean leads() {
        return !Boolean.TRUE.equals(outbidByProxy);
    }
}
