package io.gream.contracts;

import java.time.Instant;

/**
 * The seller offered the voucher to the runner-up at the runner-up's highest bid, because the winner's payment was
 * declined. The runner-up may accept it until {@code expiresAt}; accepted, they are charged {@code price}.
 *
 * @param commandId         the seller's {@link OfferSecondChance}
 * @param runnerUpId        the bidder offered the voucher: the highest bidder other than the winner
 * @param price             the most the runner-up committed to in public events (a {@link BidAccepted}'s amount or
 *                          offered amount, or a {@link BidRaisedByProxy}'s amount), in minor units of
 *                          {@code currency}
 * @param bidEventId        the auction event in which the runner-up first committed to {@code price}
 * @param settlementEventId the {@link SettlementFailed} of the winner's declined payment
 * @param expiresAt         the last moment (exclusive, broker time) at which an answer counts
 */
public record SecondChanceOffered(
        String eventId,
        String auctionId,
        Instant at,
        String commandId,
        String sellerId,
        String runnerUpId,
        long price,
        String currency,
        String bidEventId,
        String settlementEventId,
        Instant expiresAt) implements SecondChanceEvent {
}
