package io.gream.contracts;

import java.time.Instant;

/**
 * The runner-up accepted the offer, was charged, and the ledger records the sale as it would a winner's:
 * {@code sellerProceeds + fee == price}. The runner-up now owns the voucher.
 *
 * @param commandId  the runner-up's {@link AcceptSecondChance}
 * @param paymentKey the payment gateway's reference for the charge
 */
public record SecondChanceCompleted(
        String eventId,
        String auctionId,
        Instant at,
        String commandId,
        String sellerId,
        String runnerUpId,
        long price,
        long fee,
        long sellerProceeds,
        String currency,
        String paymentKey) implements SecondChanceEvent {
}
