package io.gream.contracts;

import java.time.Instant;

/**
 * Money of a sale was given back, and the ledger has the reversing journal ({@code refundId}) that links to the
 * sale's. Kinds: {@code BUYER} (to the buyer through the gateway, in part or whole), {@code SELLER_FEE} (the
 * platform's fee to the seller, no money leaves the platform) and {@code LATE_CHARGE} (a charge found after the
 * settlement had failed, given back whole).
 *
 * @param eventId  {@code auctionId:refund:refundId}: one event per refund
 * @param refundId the refund's id, also its journal's; chosen by whoever ordered it, so ordering it again is harmless
 * @param price    the sale's price
 * @param amount   what was given back, in minor units of {@code currency}
 */
public record PaymentRefunded(
        String eventId,
        String auctionId,
        Instant at,
        String refundId,
        String kind,
        String winnerId,
        String sellerId,
        long price,
        long amount,
        String currency,
        String reason) implements SettlementEvent {

    public static String eventId(String auctionId, String refundId) {
        return auctionId + ":refund:" + refundId;
    }
}
