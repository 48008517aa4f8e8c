package io.gream.settlement.worker;

import io.gream.settlement.store.RefundKind;
import io.gream.settlement.store.RefundRecord;
import io.gream.settlement.store.RefundRejectedException;
import io.gream.settlement.store.RefundStore;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Refunds for operators, as an actuator endpoint: {@code GET /actuator/refunds} (the latest {@value #LIMIT}),
 * {@code GET /actuator/refunds/{auctionId}} (one sale's), and {@code POST /actuator/refunds} with
 * {@code {"auctionId","refundId","kind":"BUYER"|"SELLER_FEE","amount","reason"}} to order one. The refund id is the
 * caller's, so posting the same order again changes nothing. An order that cannot be carried out (sale not
 * completed, more than is left, an id reused) is a {@code 400} and changes nothing. Protected as the other actuator
 * endpoints are: on an internal network only.
 */
@Endpoint(id = "refunds")
class RefundsEndpoint {

    static final int LIMIT = 100;

    private final Refunder refunder;
    private final RefundStore refunds;

    RefundsEndpoint(Refunder refunder, RefundStore refunds) {
        this.refunder = refunder;
        this.refunds = refunds;
    }

    record Row(String refundId, String auctionId, RefundKind kind, long amount, String state, int attempts,
               Instant nextAttemptAt, String lastError, boolean published) {
    }

    @ReadOperation
    List<Row> recent() {
        return refunds.recent(LIMIT).stream().map(RefundsEndpoint::row).toList();
    }

    @ReadOperation
    List<Row> ofAuction(@Selector String auctionId) {
        return refunds.ofAuction(auctionId).stream().map(RefundsEndpoint::row).toList();
    }

    @WriteOperation
    Row order(String auctionId, String refundId, String kind, long amount, String reason) {
        RefundKind refundKind;
        try {
            refundKind = RefundKind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidEndpointRequestException("kind is BUYER or SELLER_FEE", "kind is BUYER or SELLER_FEE");
        }
        try {
            return row(refunder.order(new RefundStore.RefundOrder(refundId, auctionId, refundKind, amount,
                    reason == null || reason.isBlank() ? "refund" : reason)));
        } catch (RefundRejectedException e) {
            throw new InvalidEndpointRequestException(e.getMessage(), e.getMessage());
        }
    }

    private static Row row(RefundRecord refund) {
        return new Row(refund.refundId(), refund.auctionId(), refund.kind(), refund.amount(), refund.state().name(),
                refund.attempts(), refund.nextAttemptAt(), refund.lastError(), refund.published());
    }
}
