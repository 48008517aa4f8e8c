package io.gream.settlement.worker;

import io.github.resilience4j.core.IntervalFunction;
import io.gream.settlement.payment.ChargeOutcomeUnknownException;
import io.gream.settlement.payment.GatewayUnavailableException;
import io.gream.settlement.payment.GuardedPaymentGateway;
import io.gream.settlement.payment.RefundRequest;
import io.gream.settlement.payment.RefundResult;
import io.gream.settlement.store.RefundKind;
import io.gream.settlement.store.RefundRecord;
import io.gream.settlement.store.RefundStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Gives money back, at most once per refund however often it is asked to: the refund is recorded PENDING first; each
 * attempt looks it up at the gateway by its own idempotency key before asking for it (with that key), so a refund
 * sent before a crash or an unknown answer is found, not repeated; then its reversing journal is appended and
 * {@code PaymentRefunded} published. A gateway that cannot answer leaves it pending, retried by the
 * {@link PendingSettlementRetrier} with the settlements' backoff. Limit: a REFUSED refund stays refused; an operator
 * decides what follows.
 */
class Refunder {

    private static final Logger log = LoggerFactory.getLogger(Refunder.class);

    private final RefundStore refunds;
    private final GuardedPaymentGateway gateway;
    private final SettlementPublisher publisher;
    private final SettlementSteps steps;
    private final SettlementMetrics metrics;
    private final Clock clock;
    private final IntervalFunction backoff;

    Refunder(RefundStore refunds, GuardedPaymentGateway gateway, SettlementPublisher publisher, SettlementSteps steps,
             SettlementMetrics metrics, Clock clock, IntervalFunction backoff) {
        this.refunds = refunds;
        this.gateway = gateway;
        this.publisher = publisher;
        this.steps = steps;
        this.metrics = metrics;
        this.clock = clock;
        this.backoff = backoff;
    }

    /** Carries out an order (the same order again changes nothing) and returns the refund as it then stands. */
    RefundRecord order(RefundStore.RefundOrder order) {
        RefundRecord recorded = refunds.request(order, clock.instant());
        if (recorded.kind() == RefundKind.SELLER_FEE && !recorded.published()) {
            metrics.refunded(recorded.kind().name(), "refunded");
        }
        attempt(order.refundId());
        return refunds.find(order.refundId());
    }

    /** One attempt at a refund; a refunded one is only published, if it was not yet. */
    void attempt(String refundId) {
        Optional<RefundRequest> pending = refunds.pending(refundId);
        if (pending.isEmpty()) {
            publish(refundId);
            return;
        }
        RefundRequest request = pending.get();
        RefundResult result;
        try {
            Optional<RefundResult> known = gateway.lookupRefund(request);
            result = known.isPresent() ? known.get() : gateway.refund(request);
        } catch (GatewayUnavailableException | ChargeOutcomeUnknownException e) {
            Instant next = refunds.putOff(refundId, "refund unresolved: " + e.getMessage(), clock.instant(), backoff);
            log.warn("Refund {} stays pending, next attempt at {}: {}", refundId, next, e.getMessage());
            return;
        }
        steps.afterRefund(request);
        RefundStore.Completed completed = refunds.complete(refundId, result, clock.instant());
        RefundRecord done = completed.refund();
        if (!completed.byThisCall()) {
            publish(refundId);
            return;
        }
        if (result instanceof RefundResult.Refused refused) {
            log.error("The gateway refused refund {} of auction {}: {} {}", refundId, request.auctionId(),
                    refused.code(), refused.message());
            metrics.refunded(done.kind().name(), "refused");
            return;
        }
        metrics.refunded(done.kind().name(), "refunded");
        log.info("Refunded {} {} of auction {} ({})", request.amount(), request.currency(), request.auctionId(),
                refundId);
        publish(refundId);
    }

    private void publish(String refundId) {
        refunds.event(refundId).ifPresent(event -> {
            if (!refunds.find(refundId).published()) {
                publisher.publish(event);
                refunds.markPublished(refundId, clock.instant());
            }
        });
    }
}
