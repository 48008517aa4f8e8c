package io.gream.settlement.worker;

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
import java.util.Optional;

/**
 * Settles one sold auction, exactly once however often it is asked to:
 *
 * <ol>
 *   <li>claim the settlement row (unique per auction) and, under its row lock, decide the next step;</li>
 *   <li>charge the winner with the auction's idempotency key (only the worker that marked the charge started does);
 *       a charge whose outcome is unknown, or one started before a crash or by another worker, is looked up by that
 *       key, and only charged (with the same key) when the gateway has no record of it;</li>
 *   <li>in one transaction, settle the row and append its balanced journal;</li>
 *   <li>publish the event rebuilt from the stored row, so publishing it again yields the same content;</li>
 *   <li>return, and only then does the consumer commit the offset.</li>
 * </ol>
 *
 * A settled auction delivered again is only published again. Nothing here retries in a loop: what cannot be
 * decided now (database down, payment unresolved) throws, and the record is redelivered later.
 */
class Settler {

    private static final Logger log = LoggerFactory.getLogger(Settler.class);

    static final String GATEWAY_UNAVAILABLE = "GATEWAY_UNAVAILABLE";

    private final SettlementStore store;
    private final GuardedPaymentGateway gateway;
    private final SettlementPublisher publisher;
    private final FeeSchedule fees;
    private final SettlementSteps steps;
    private final SettlementMetrics metrics;
    private final Clock clock;

    Settler(SettlementStore store, GuardedPaymentGateway gateway, SettlementPublisher publisher, FeeSchedule fees,
            SettlementSteps steps, SettlementMetrics metrics, Clock clock) {
        this.store = store;
        this.gateway = gateway;
        this.publisher = publisher;
        this.fees = fees;
        this.steps = steps;
        this.metrics = metrics;
        this.clock = clock;
    }

    void settle(SoldAuction sale) {
        store.claim(sale);
        SettlementStore.Next next = store.begin(sale.auctionId(), clock.instant());
        if (next instanceof SettlementStore.Next.Publish settled) {
            log.debug("Settlement of {} was already settled; publishing it again", sale.auctionId());
            publisher.publish(settled.event());
            metrics.republished();
            return;
        }
        SettlementStore.Settled settled;
        if (next instanceof SettlementStore.Next.Charge charge) {
            settled = charge(sale, charge.request());
        } else {
            settled = resolve(sale, ((SettlementStore.Next.Resolve) next).request());
        }
        steps.afterCommit(sale);
        SettlementRecord stored = store.find(sale.auctionId());
        SettlementEvent event = stored.toEvent();
        publisher.publish(event);
        if (settled.byThisCall()) {
            metrics.settled(stored.state() == SettlementState.COMPLETED,
                    stored.closedAt(), stored.settledAt());
            log.info("Settled auction {}: {}", sale.auctionId(), describe(event));
        }
        steps.afterPublish(sale);
    }

    /** This worker marked the charge started; no one has sent it before. */
    private SettlementStore.Settled charge(SoldAuction sale, ChargeRequest request) {
        PaymentResult result;
        try {
            result = gateway.charge(request);
        } catch (GatewayUnavailableException e) {
            // Certainly not processed, after the retries (or the circuit is open): nothing was taken.
            log.warn("Could not charge the winner of {}: {}", sale.auctionId(), e.getMessage());
            steps.afterCharge(sale);
            return store.fail(sale.auctionId(), GATEWAY_UNAVAILABLE, e.getMessage(), clock.instant());
        } catch (ChargeOutcomeUnknownException e) {
            log.warn("Charge for {} has an unknown outcome ({}); looking it up", sale.auctionId(), e.getMessage());
            return resolve(sale, request);
        }
        steps.afterCharge(sale);
        return store.complete(sale.auctionId(), result, fees, clock.instant());
    }

    /**
     * A charge may have been sent. Ask the gateway by the key; only when it has no record of one is it charged, with
     * the same key, so even a charge still in flight elsewhere is not repeated.
     */
    private SettlementStore.Settled resolve(SoldAuction sale, ChargeRequest request) {
        PaymentResult result;
        try {
            Optional<PaymentResult> known = gateway.lookup(request);
            result = known.isPresent() ? known.get() : gateway.charge(request);
        } catch (GatewayUnavailableException | ChargeOutcomeUnknownException e) {
            throw new PaymentUnresolvedException("payment of auction " + sale.auctionId()
                    + " is unresolved; will look it up again: " + e.getMessage(), e);
        }
        steps.afterCharge(sale);
        return store.complete(sale.auctionId(), result, fees, clock.instant());
    }

    private static String describe(SettlementEvent event) {
        if (event instanceof SettlementFailed failed) {
            return "failed (" + failed.reason() + ")";
        }
        return "completed, " + event.price() + " " + event.currency() + " charged to " + event.winnerId();
    }
}
