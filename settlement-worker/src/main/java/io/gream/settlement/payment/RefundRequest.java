package io.gream.settlement.payment;

/**
 * Giving back (part of) a charge: the gateway's cancel or refund of a payment.
 *
 * @param idempotencyKey derived from the refund id alone ({@link IdempotencyKeys#forRefund})
 * @param refundId       Gream's id of the refund; also its journal's id
 * @param paymentKey     the gateway's payment to give money back from
 * @param amount         minor units, positive; less than the payment for a partial refund
 * @param reason         shown to the buyer; the gateway keeps it with the cancel, and lookups find the cancel by it
 */
public record RefundRequest(String idempotencyKey, String refundId, String auctionId, String paymentKey, long amount,
                            String currency, String reason) {

    public RefundRequest {
        if (amount <= 0) {
            throw new IllegalArgumentException("a refund must be positive, was " + amount);
        }
    }
}
