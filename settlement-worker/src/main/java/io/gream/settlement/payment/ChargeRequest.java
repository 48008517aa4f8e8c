package io.gream.settlement.payment;

/**
 * One charge: the winner of an auction pays its price.
 *
 * @param idempotencyKey derived from the auction id alone ({@link IdempotencyKeys}); also the gateway's order id
 * @param customerId     the buyer (the auction's winner)
 * @param amount         minor units, positive
 * @param orderName      shown to the buyer, e.g. the voucher's name
 */
public record ChargeRequest(String idempotencyKey, String auctionId, String customerId, long amount, String currency,
                            String orderName) {

    public ChargeRequest {
        if (amount <= 0) {
            throw new IllegalArgumentException("a charge must be positive, was " + amount);
        }
    }
}
