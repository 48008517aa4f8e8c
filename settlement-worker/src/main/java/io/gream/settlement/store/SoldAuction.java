package io.gream.settlement.store;

import io.gream.settlement.payment.ChargeRequest;
import io.gream.settlement.payment.IdempotencyKeys;

import java.time.Instant;

/**
 * What a settlement needs to know of a sold auction, taken from its {@code AuctionClosed} event.
 *
 * @param closedAt the close event's {@code at}, the start of the settlement lag
 */
public record SoldAuction(String auctionId, String closeEventId, Instant closedAt, String winnerId, String sellerId,
                          long price, String currency, String orderName) {

    public SoldAuction {
        if (price <= 0) {
            throw new IllegalArgumentException("a sold auction has a positive price, was " + price);
        }
    }

    public String idempotencyKey() {
        return IdempotencyKeys.forAuction(auctionId);
    }

    public ChargeRequest chargeRequest() {
        return new ChargeRequest(idempotencyKey(), auctionId, winnerId, price, currency, orderName);
    }
}
