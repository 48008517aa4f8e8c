package io.gream.contracts;

import java.time.Instant;

/**
 * The winner was charged and the ledger records it: the buyer paid {@code price}, the seller is owed
 * {@code sellerProceeds}, the platform keeps {@code fee}, and {@code sellerProceeds + fee == price}.
 *
 * @param closeEventId the {@link AuctionClosed} event this settles
 * @param paymentKey   the payment gateway's reference for the charge
 */
public record SettlementCompleted(
        String eventId,
        String auctionId,
        Instant at,
        String closeEventId,
        String winnerId,
        String sellerId,
        long price,
        long fee,
        long sellerProceeds,
        String currency,
        String paymentKey) implements SettlementEvent {
}
