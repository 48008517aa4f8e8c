package io.gream.settlement.store;

import io.gream.contracts.SecondChanceCompleted;
import io.gream.contracts.SecondChanceDeclined;
import io.gream.contracts.SecondChanceEvent;
import io.gream.contracts.SecondChanceExpired;
import io.gream.contracts.SecondChanceFailed;
import io.gream.contracts.SecondChanceOffered;
import io.gream.settlement.ledger.SaleSplit;
import io.gream.settlement.payment.IdempotencyKeys;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

import static io.gream.settlement.store.SettlementRecord.micros;
import static io.gream.settlement.store.SettlementRecord.truncate;

/**
 * The second-chance offer of one auction (table {@code second_chance}) and its state machine (see
 * {@link SecondChanceState}). Its row is the single source of the events it publishes, so publishing one again
 * yields the same content; each event's publication is recorded, so a crash between commit and publish is repaired.
 */
@Entity
@Table(name = "second_chance")
public class SecondChanceRecord extends AssignedIdRecord {

    /** The journal of a second-chance sale. */
    public static String journalId(String auctionId) {
        return auctionId + ":second-chance";
    }

    @Id
    @Column(name = "auction_id")
    private String auctionId;
    @Column(name = "offer_command_id")
    private String offerCommandId;
    @Column(name = "seller_id")
    private String sellerId;
    @Column(name = "runner_up_id")
    private String runnerUpId;
    private long price;
    private String currency;
    @Column(name = "order_name")
    private String orderName;
    @Column(name = "bid_event_id")
    private String bidEventId;
    @Column(name = "settlement_event_id")
    private String settlementEventId;
    @Column(name = "offered_at")
    private Instant offeredAt;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "idempotency_key")
    private String idempotencyKey;
    @Enumerated(EnumType.STRING)
    private SecondChanceState state;
    @Column(name = "answer_command_id")
    private String answerCommandId;
    @Column(name = "answered_at")
    private Instant answeredAt;
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
    @Column(name = "offer_published_at")
    private Instant offerPublishedAt;
    @Column(name = "outcome_published_at")
    private Instant outcomePublishedAt;

    protected SecondChanceRecord() {
        // for JPA
    }

    SecondChanceRecord(String auctionId, String offerCommandId, SoldAuction failedSale, String settlementEventId,
                       RunnerUps.RunnerUp runnerUp, Instant offeredAt, Instant expiresAt) {
        super(true);
        this.auctionId = auctionId;
        this.offerCommandId = offerCommandId;
        this.sellerId = failedSale.sellerId();
        this.runnerUpId = runnerUp.bidderId();
        this.price = runnerUp.amount();
        this.currency = failedSale.currency();
        this.orderName = truncate(failedSale.orderName(), 255);
        this.bidEventId = runnerUp.eventId();
        this.settlementEventId = settlementEventId;
        this.offeredAt = micros(offeredAt);
        this.expiresAt = micros(expiresAt);
        this.idempotencyKey = IdempotencyKeys.forSecondChance(auctionId);
        this.state = SecondChanceState.OFFERED;
    }

    /** Whether an answer at {@code at} (broker time) came too late. */
    boolean expiredAt(Instant at) {
        return !at.isBefore(expiresAt);
    }

    void expire() {
        require(SecondChanceState.OFFERED);
        state = SecondChanceState.EXPIRED;
        answeredAt = expiresAt;
    }

    void decline(String commandId, Instant at) {
        require(SecondChanceState.OFFERED);
        state = SecondChanceState.DECLINED;
        answerCommandId = commandId;
        answeredAt = micros(at);
    }

    /** Accepted: the charge is about to be sent; committed before it is, so a crash leaves a trace. */
    void accept(String commandId, Instant at, Instant now) {
        require(SecondChanceState.OFFERED);
        state = SecondChanceState.ACCEPTED;
        answerCommandId = commandId;
        answeredAt = micros(at);
        chargeStartedAt = micros(now);
    }

    void complete(String paymentKey, SaleSplit split, Instant now) {
        require(SecondChanceState.ACCEPTED);
        if (split.price() != price) {
            throw new IllegalArgumentException("split of " + split.price() + " for a price of " + price);
        }
        state = SecondChanceState.COMPLETED;
        this.paymentKey = paymentKey;
        this.fee = split.fee();
        this.sellerProceeds = split.sellerProceeds();
        this.settledAt = micros(now);
    }

    void fail(String reason, String message, Instant now) {
        require(SecondChanceState.ACCEPTED);
        state = SecondChanceState.FAILED;
        failureReason = truncate(reason, 64);
        failureMessage = truncate(message, 500);
        settledAt = micros(now);
    }

    void offerPublished(Instant now) {
        offerPublishedAt = micros(now);
    }

    void outcomePublished(Instant now) {
        outcomePublishedAt = micros(now);
    }

    public SecondChanceOffered offeredEvent() {
        return new SecondChanceOffered(SecondChanceEvent.offeredEventId(auctionId), auctionId, offeredAt,
                offerCommandId, sellerId, runnerUpId, price, currency, bidEventId, settlementEventId, expiresAt);
    }

    /** The outcome's event; only once there is one. */
    public SecondChanceEvent outcomeEvent() {
        String eventId = SecondChanceEvent.outcomeEventId(auctionId);
        return switch (state) {
            case COMPLETED -> new SecondChanceCompleted(eventId, auctionId, settledAt, answerCommandId, sellerId,
                    runnerUpId, price, fee, sellerProceeds, currency, paymentKey);
            case FAILED -> new SecondChanceFailed(eventId, auctionId, settledAt, answerCommandId, sellerId,
                    runnerUpId, price, currency, failureReason, failureMessage);
            case DECLINED -> new SecondChanceDeclined(eventId, auctionId, answeredAt, answerCommandId, sellerId,
                    runnerUpId, price, currency);
            case EXPIRED -> new SecondChanceExpired(eventId, auctionId, expiresAt, sellerId, runnerUpId, price,
                    currency);
            case OFFERED, ACCEPTED -> throw new IllegalStateException("second chance of " + auctionId + " is " + state);
        };
    }

    /** The runner-up's sale, in the form the payment steps take; its key is not the winner's. */
    public SoldAuction sale() {
        return new SoldAuction(auctionId, SecondChanceEvent.offeredEventId(auctionId), offeredAt, runnerUpId,
                sellerId, price, currency, orderName);
    }

    public String auctionId() {
        return auctionId;
    }

    public String offerCommandId() {
        return offerCommandId;
    }

    public String answerCommandId() {
        return answerCommandId;
    }

    public String runnerUpId() {
        return runnerUpId;
    }

    public String sellerId() {
        return sellerId;
    }

    public long price() {
        return price;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String paymentKey() {
        return paymentKey;
    }

    public Instant settledAt() {
        return settledAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public SecondChanceState state() {
        return state;
    }

    boolean chargeStarted() {
        return chargeStartedAt != null;
    }

    boolean offerPublished() {
        return offerPublishedAt != null;
    }

    boolean outcomePublished() {
        return outcomePublishedAt != null;
    }

    @Override
    public String getId() {
        return auctionId;
    }


    private void require(SecondChanceState expected) {
        if (state != expected) {
            throw new IllegalStateException("second chance of " + auctionId + " is " + state + ", not " + expected);
        }
    }
}
