package io.gream.settlement.worker;

import io.github.resilience4j.core.IntervalFunction;
import io.gream.contracts.SettlementCompleted;
import io.gream.contracts.SettlementEvent;
import io.gream.contracts.SettlementFailed;
import io.gream.settlement.ledger.FeeSchedule;
import io.gream.settlement.payment.ChargeOutcomeUnknownException;
import io.gream.settlement.payment.ChargeRequest;
import io.gream.settlement.payment.GatewayUnavailableException;
import io.gream.settlement.payment.GuardedPaymentGateway;
import io.gream.settlement.payment.PaymentResult;
import io.gream.settlement.store.SettlementRecord;
import io.gream.settlement.store.SettlementState;
import io.gream.settlement.store.SettlementStore;
import io.gream.settlement.store.SoldAuction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Settles one sold auction, exactly once however often it is asked to:
 *
 * <ol>
 *   <li>claim the settlement row (unique per auction) and, under its row lock, decide the next step;</li>
 *   <li>charge the winner with the auction's idempotency key (only the worker that marked the charge started does);
 *       a charge whose outcome is unknown, or one started before a crash, an outage or by another worker, is looked
 *       up by that key, and only charged (with the same key) when the gateway has no record of it;</li>
 *   <li>in one transaction, settle the row and append its balanced journal;</li>
 *   <li>publish the event rebuilt from the stored row, so publishing it again yields the same content;</li>
 *   <li>return, and only then does the consumer commit the offset.</li>
 * </ol>
 *
 * When the gateway cannot answer (down, circuit open, outcome still unknown) the sale is put off: it stays PENDING,
 * due again after a backoff, and the {@link PendingSettlementRetrier} brings it back here. Only a decline, or a lookup
 * past the sale's deadline that finds no charge, fails it. A charge that goes through after the sale had failed is
 * ledgered and refunded ({@link Refunder}). What cannot be written (database down) still throws, and the record is
 * redelivered later.
 */
class Settler {

    private static final Logger log = LoggerFactory.getLogger(Settler.class);

    /** The failure reason of a sale that could not be charged before its deadline. */
    static final String SETTLEMENT_DEADLINE = SettlementRecord.DEADLINE_FAILURE;

    private final SettlementStore store;
    private final GuardedPaymentGateway gateway;
    private final SettlementPublisher publisher;
    private final FeeSchedule fees;
    private final SettlementSteps steps;
    private final SettlementMetrics metrics;
    private final Clock clock;
    private final Duration deadline;
    private final IntervalFunction backoff;
    private final Refunder refunder;

    Settler(SettlementStore store, GuardedPaymentGateway gateway, SettlementPublisher publisher, FeeSchedule fees,
            SettlementSteps steps, SettlementMetrics metrics, Clock clock, Duration deadline,
            IntervalFunction backoff, Refunder refunder) {
        this.refunder = refunder;
        this.store = store;
        this.gateway = gateway;
        this.publisher = publisher;
        this.fees = fees;
        this.steps = steps;
        this.metrics = metrics;
        this.clock = clock;
        this.deadline = deadline;
        this.backoff = backoff;
    }

    /** A sold auction's close event: claims its settlement and makes an attempt. */
    void settle(SoldAuction sale) {
        store.claim(sale, clock.instant().plus(deadline));
        attempt(sale.auctionId());
    }

    /** A put-off settlement is due again. */
    void retry(String auctionId) {
        attempt(auctionId);
    }

    private void attempt(String auctionId) {
        SettlementStore.Next next = store.begin(auctionId, clock.instant());
        if (next instanceof SettlementStore.Next.Publish settled) {
            log.debug("Settlement of {} was already settled; publishing it again", auctionId);
            publisher.publish(settled.event());
            metrics.republished();
            return;
        }
        SoldAuction sale;
        Optional<SettlementStore.Settled> settled;
        if (next instanceof SettlementStore.Next.Charge charge) {
            sale = charge.sale();
            settled = charge(sale);
        } else {
            SettlementStore.Next.Resolve resolve = (SettlementStore.Next.Resolve) next;
            sale = resolve.sale();
            settled = resolve(sale, resolve.pastDeadline());
        }
        if (settled.isEmpty()) {
            return; // put off: the retrier owns it now
        }
        steps.afterCommit(sale);
        SettlementRecord stored = store.find(auctionId);
        SettlementEvent event = stored.toEvent();
        publisher.publish(event);
        if (settled.get().byThisCall()) {
            metrics.settled(stored.state() == SettlementState.COMPLETED, stored.closedAt(), stored.settledAt());
            log.info("Settled auction {}: {}", auctionId, describe(event));
        }
        steps.afterPublish(sale);
        if (settled.get().lateChargeRefund() != null) {
            metrics.lateCharge();
            refunder.attempt(settled.get().lateChargeRefund());
        }
    }

    /** This worker marked the charge started; no one has sent it before. */
    private Optional<SettlementStore.Settled> charge(SoldAuction sale) {
        steps.beforeCharge(sale);
        PaymentResult result;
        try {
            result = gateway.charge(sale.chargeRequest());
        } catch (GatewayUnavailableException e) {
            // Certainly not processed (after the guard's retries, or the circuit is open): nothing was taken.
            return putOff(sale, "gateway unavailable: " + e.getMessage());
        } catch (ChargeOutcomeUnknownException e) {
            log.warn("Charge for {} has an unknown outcome ({}); looking it up", sale.auctionId(), e.getMessage());
            return resolve(sale, false);
        }
        steps.afterCharge(sale);
        return Optional.of(store.complete(sale.auctionId(), result, fees, clock.instant()));
    }

    /**
     * A charge may have been sent. Ask the gateway by the key; only when it has no record of one is it charged, with
     * the same key, so even a charge still in flight elsewhere is not repeated. Past the deadline, no record of a
     * charge fails the sale instead.
     */
    private Optional<SettlementStore.Settled> resolve(SoldAuction sale, boolean pastDeadline) {
        ChargeRequest request = sale.chargeRequest();
        PaymentResult result;
        try {
            Optional<PaymentResult> known = gateway.lookup(request);
            if (known.isEmpty() && pastDeadline) {
                log.warn("No charge for {} by its deadline; failing it", sale.auctionId());
                return Optional.of(store.fail(sale.auctionId(), SETTLEMENT_DEADLINE,
                        "the payment could not be made before the settlement deadline", clock.instant()));
            }
            result = known.isPresent() ? known.get() : gateway.charge(request);
        } catch (GatewayUnavailableException | ChargeOutcomeUnknownException e) {
            return putOff(sale, "payment unresolved: " + e.getMessage());
        }
        steps.afterCharge(sale);
        return Optional.of(store.complete(sale.auctionId(), result, fees, clock.instant()));
    }

    private Optional<SettlementStore.Settled> putOff(SoldAuction sale, String reason) {
        Instant next = store.putOff(sale.auctionId(), reason, clock.instant(), backoff);
        if (next != null) {
            metrics.putOff();
            log.warn("Settlement of {} stays pending, next attempt at {}: {}", sale.auctionId(), next, reason);
        }
        return Optional.empty();
    }

    private static String describe(SettlementEvent event) {
        if (event instanceof SettlementCompleted completed) {
            return "completed, " + completed.price() + " " + completed.currency() + " charged to "
                    + completed.winnerId();
        }
        return event instanceof SettlementFailed failed ? "failed (" + failed.reason() + ")" : event.eventId();
    }
}
