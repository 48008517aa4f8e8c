package io.gream.settlement.store;

import io.gream.contracts.PaymentRefunded;
import io.gream.settlement.payment.IdempotencyKeys;
import io.gream.settlement.payment.RefundRequest;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One refund of a sale's money (table {@code refund}) and its state machine {@link RefundState}. Committed PENDING
 * before the gateway is asked, so a crash leaves a trace that is resolved by lookup. Its REFUNDED row is the single
 * source of the published {@link PaymentRefunded}.
 */
@Entity
@Table(name = "refund")
public class RefundRecord extends AssignedIdRecord {

    @Id
    @Column(name = "refund_id")
    private String refundId;
    @Column(name = "auction_id")
    private String auctionId;
    @Enumerated(EnumType.STRING)
    private RefundKind kind;
    private long amount;
    private String currency;
    @Column(name = "payment_key")
    private String paymentKey;
    private String reason;
    @Column(name = "idempotency_key")
    private String idempotencyKey;
    @Enumerated(EnumType.STRING)
    private RefundState state;
    @Column(name = "requested_at")
    private Instant requestedAt;
    private int attempts;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "gateway_reference")
    private String gatewayReference;
    @Column(name = "refunded_at")
    private Instant refundedAt;
    @Column(name = "published_at")
    private Instant publishedAt;

    protected RefundRecord() {
        // for JPA
    }

    RefundRecord(String refundId, String auctionId, RefundKind kind, long amount, String currency, String paymentKey,
                 String reason, Instant requestedAt) {
        super(true);
        this.refundId = refundId;
        this.auctionId = auctionId;
        this.kind = kind;
        this.amount = amount;
        this.currency = currency;
        this.paymentKey = paymentKey;
        this.reason = SettlementRecord.truncate(reason, 200);
        this.idempotencyKey = IdempotencyKeys.forRefund(refundId);
        this.state = RefundState.PENDING;
        this.requestedAt = SettlementRecord.micros(requestedAt);
        // Due at once: if the worker that records it dies before asking the gateway, the retrier carries it out.
        this.nextAttemptAt = this.requestedAt;
    }

    void refunded(String reference, Instant at) {
        requirePending();
        this.state = RefundState.REFUNDED;
        this.gatewayReference = reference;
        this.refundedAt = SettlementRecord.micros(at);
        this.nextAttemptAt = null;
    }

    void refused(String error, Instant at) {
        requirePending();
        this.state = RefundState.REFUSED;
        this.lastError = SettlementRecord.truncate(error, 500);
        this.refundedAt = SettlementRecord.micros(at);
        this.nextAttemptAt = null;
    }

    void putOff(String error, Instant next) {
        requirePending();
        this.attempts++;
        this.lastError = SettlementRecord.truncate(error, 500);
        this.nextAttemptAt = SettlementRecord.micros(next);
    }

    void published(Instant at) {
        this.publishedAt = SettlementRecord.micros(at);
    }

    /** What the gateway is asked; the reason carries the refund id, so a lookup can tell this cancel apart. */
    public RefundRequest request() {
        return new RefundRequest(idempotencyKey, refundId, auctionId, paymentKey, amount, currency,
                reason + " [" + refundId + "]");
    }

    PaymentRefunded toEvent(SettlementRecord sale) {
        if (state != RefundState.REFUNDED) {
            throw new IllegalStateException("refund " + refundId + " is " + state);
        }
        return new PaymentRefunded(PaymentRefunded.eventId(auctionId, refundId), auctionId, refundedAt, refundId,
                kind.name(), sale.winnerId(), sale.sellerId(), sale.price(), amount, currency, reason);
    }

    private void requirePending() {
        if (state != RefundState.PENDING) {
            throw new IllegalStateException("refund " + refundId + " is already " + state);
        }
    }

    public String refundId() {
        return refundId;
    }

    public String auctionId() {
        return auctionId;
    }

    public RefundKind kind() {
        return kind;
    }

    public long amount() {
        return amount;
    }

    public RefundState state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String lastError() {
        return lastError;
    }

    public String paymentKey() {
        return paymentKey;
    }

    public String gatewayReference() {
        return gatewayReference;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant refundedAt() {
        return refundedAt;
    }

    public boolean published() {
        return publishedAt != null;
    }

    @Override
    public String getId() {
        return refundId;
    }

}
