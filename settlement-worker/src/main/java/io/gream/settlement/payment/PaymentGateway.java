package io.gream.settlement.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A payment provider that charges a customer's stored payment method, and gives money back.
 *
 * <p>Implementations must be idempotent by {@link ChargeRequest#idempotencyKey()}: a second charge with the same key
 * returns the first one's result and takes no money. Failures are told apart by what is known about the money:
 * {@link GatewayUnavailableException} means the request was certainly not processed (safe to retry);
 * {@link ChargeOutcomeUnknownException} means it may have been (look it up, never charge again blindly).
 */
public interface PaymentGateway {

    /**
     * Charges the customer.
     *
     * @return {@link PaymentResult.Charged} or {@link PaymentResult.Declined}
     * @throws GatewayUnavailableException   the gateway did not process the request
     * @throws ChargeOutcomeUnknownException the request may or may not have been processed
     */
    PaymentResult charge(ChargeRequest request);

    /**
     * What became of the charge made with this key (the gateway's order id), if the gateway has any record of it.
     *
     * @throws GatewayUnavailableException the gateway could not answer
     */
    Optional<PaymentResult> lookup(ChargeRequest request);

    /**
     * Gives money of a payment back, idempotent by {@link RefundRequest#idempotencyKey()} as charges are.
     *
     * @throws GatewayUnavailableException   the gateway did not process the request
     * @throws ChargeOutcomeUnknownException the refund may or may not have been made: look it up
     */
    RefundResult refund(RefundRequest request);

    /**
     * The refund made for this request, if the gateway has a record of it.
     *
     * @throws GatewayUnavailableException the gateway could not answer
     */
    Optional<RefundResult> lookupRefund(RefundRequest request);

    /**
     * Every charge and refund the gateway recorded in {@code [from, to)}, for reconciliation. Gateways that cannot
     * list them (Toss' billing API has no such listing) say so.
     *
     * @throws GatewayUnavailableException   the gateway could not answer
     * @throws UnsupportedOperationException this gateway cannot list its transactions
     */
    default List<GatewayTransaction> transactions(Instant from, Instant to) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot list its transactions");
    }
}
