package io.gream.settlement.store;

import io.gream.contracts.SettlementCompleted;
import io.gream.contracts.SettlementEvent;
import io.gream.contracts.SettlementFailed;
import io.gream.settlement.ledger.SaleSplit;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The settlement of one sold auction (table {@code settlement}), and its state machine:
 * {@code PENDING -> COMPLETED | FAILED}, nothing after. A PENDING row may be put off any number of times (an outage, an
 * unknown outcome) until its deadline. Its settled row is the single source of the published
 * {@link SettlementEvent}, so publishing it again yields the same content.
 */
@Entity
@Table(name = "settlement")
public class SettlementRecord extends AssignedIdRecord {

    /** The failure reason of a sale that could not be charged before its deadline: an outage, not a decline. */
    public static final String DEADLINE_FAILURE = "SETTLEMENT_DEADLINE";

    @Id
    @Column(name = "auction_id")
    private String auctionId;
    @Column(name = "close_event_id")
    private String closeEventId;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "winner_id")
    private String winnerId;
    @Column(name = "seller_id")
    private String sellerId;
    private long price;
    private String currency;
    @Column(name = "order_name")
    private String orderName;
    @Column(name = "idempotency_key")
    private String idempotencyKey;
    @Enumerated(EnumType.STRING)
    private SettlementState state;
    @Column(name = "charge_started_at")
    private Instant chargeStartedAt;
    @Column(name = "settled_at")
    private Instant settledAt;
    @Column(name = "payment_key")
    private String paymentKey;
    private Long fee;
    @Column(name = "seller_proceeds")
    private Long sellerProceeds;
    @Column(name = "failure_reason")
    private String failureReason;
    @Column(name = "failure_message")
    private String failureMessage;
    private int attempts;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "deadline_at")
    private Instant deadlineAt;
    @Column(name = "last_error")
    private String lastError;

    protected SettlementRecord() {
        // for JPA
    }

    private SettlementRecord(SoldAuction sale, Instant deadlineAt) {
        super(true);
        this.auctionId = sale.auctionId();
        this.closeEventId = sale.closeEventId();
        this.closedAt = micros(sale.closedAt());
        this.winnerId = sale.winnerId();
        this.sellerId = sale.sellerId();
        this.price = sale.price();
        this.currency = sale.currency();
        this.orderName = truncate(sale.orderName(), 255);
        this.idempotencyKey = sale.idempotencyKey();
        this.state = SettlementState.PENDING;
        this.deadlineAt = micros(deadlineAt);
    }

    /**
     * A new, pending settlement: nothing has been charged yet.
     *
     * @param deadlineAt until when it may stay pending through outages; a decline or this deadline fails it
     */
    static SettlementRecord claim(SoldAuction sale, Instant deadlineAt) {
        return new SettlementRecord(sale, deadlineAt);
    }

    /**
     * The charge could not be made, or its outcome is still unknown: stays PENDING, and is tried again at
     * {@code next}. From now on the retrier, not the close event's redelivery, moves it on.
     */
    void putOff(String error, Instant next) {
        requirePending();
        this.attempts++;
        this.lastError = truncate(error, 500);
        this.nextAttemptAt = micros(next);
    }

    /** Records that a charge is about to be sent; committed before it is, so a crash leaves a trace. */
    void startCharge(Instant at) {
        requirePending();
        if (chargeStartedAt == null) {
            chargeStartedAt = micros(at);
        }
    }

    void complete(String paymentKey, SaleSplit split, Instant at) {
        requirePending();
        if (split.price() != price) {
            throw new IllegalArgumentException("split of " + split.price() + " for a price of " + price);
        }
        this.state = SettlementState.COMPLETED;
        this.nextAttemptAt = null;
        this.paymentKey = paymentKey;
        this.fee = split.fee();
        this.sellerProceeds = split.sellerProceeds();
        this.settledAt = micros(at);
    }

    void fail(String reason, String message, Instant at) {
        requirePending();
        this.state = SettlementState.FAILED;
        this.nextAttemptAt = null;
        this.failureReason = truncate(reason, 64);
        this.failureMessage = truncate(message, 500);
        this.settledAt = micros(at);
    }

    /** The event this settlement publishes; only once it is settled. */
    public SettlementEvent toEvent() {
        String eventId = SettlementEvent.eventId(auctionId);
        return switch (state) {
            case COMPLETED -> new SettlementCompleted(eventId, auctionId, settledAt, closeEventId, winnerId, sellerId,
                    price, fee, sellerProceeds, currency, paymentKey);
            case FAILED -> new SettlementFailed(eventId, auctionId, settledAt, closeEventId, winnerId, sellerId,
                    price, currency, failureReason, failureMessage);
            case PENDING -> throw new IllegalStateException("settlement of " + auctionId + " is still pending");
        };
    }

    public SettlementState state() {
        return state;
    }

    /** Failed because the gateway declined the charge (not because it could not be reached in time). */
    public boolean declined() {
        return state == SettlementState.FAILED && !DEADLINE_FAILURE.equals(failureReason);
    }

    public boolean chargeStarted() {
        return chargeStartedAt != null;
    }

    /** How many attempts were put off so far. */
    public int attempts() {
        return attempts;
    }

    /** When the retrier tries it again; null while the close event's delivery still owns it, or once settled. */
    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    /** Until when it may stay pending; null for rows settled before deadlines existed. */
    public Instant deadlineAt() {
        return deadlineAt;
    }

    public boolean pastDeadline(Instant now) {
        return deadlineAt != null && !now.isBefore(deadlineAt);
    }

    public String lastError() {
        return lastError;
    }

    public String winnerId() {
        return winnerId;
    }

    public String sellerId() {
        return sellerId;
    }

    public String paymentKey() {
        return paymentKey;
    }

    public Long fee() {
        return fee;
    }

    public Long sellerProceeds() {
        return sellerProceeds;
    }

    public String currency() {
        return currency;
    }

    public String failureReason() {
        return failureReason;
    }

    public String auctionId() {
        return auctionId;
    }

    public long price() {
        return price;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public Instant settledAt() {
        return settledAt;
    }

    public SoldAuction sale() {
        return new SoldAuction(auctionId, closeEventId, closedAt, winnerId, sellerId, price, currency, orderName);
    }

    @Override
    public String getId() {
        return auctionId;
    }


    private void requirePending() {
        if (state.terminal()) {
            throw new IllegalStateException("settlement of " + auctionId + " is already " + state);
        }
    }

    /** The database keeps microseconds; the event must carry exactly what a re-read yields. */
    static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
