package io.gream.settlement.secondchance;

import io.gream.contracts.AcceptSecondChance;
import io.gream.contracts.DeclineSecondChance;
import io.gream.contracts.OfferSecondChance;
import io.gream.contracts.SecondChanceCommand;
import io.gream.contracts.SecondChanceEvent;
import io.gream.contracts.SecondChanceRejected;
import io.gream.settlement.ledger.FeeSchedule;
import io.gream.settlement.payment.ChargeOutcomeUnknownException;
import io.gream.settlement.payment.GatewayUnavailableException;
import io.gream.settlement.payment.GuardedPaymentGateway;
import io.gream.settlement.payment.PaymentResult;
import io.gream.settlement.store.SecondChanceStore;
import io.gream.settlement.store.SecondChanceStore.Step;
import io.gream.settlement.store.SoldAuction;
import io.gream.settlement.worker.SettlementPublisher;
import io.gream.settlement.worker.SettlementSteps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decides a second-chance command and carries it out, exactly once however often it is delivered:
 *
 * <ol>
 *   <li>decide it under the offer's row lock ({@link SecondChanceStore}); an accepted offer is marked as being charged
 *       and committed before the charge is sent;</li>
 *   <li>charge the runner-up with the offer's own idempotency key; a charge that may have been sent before (a crash,
 *       an unknown outcome) is looked up by that key first and only sent when the gateway has no record of it;</li>
 *   <li>in one transaction, record the outcome and append the sale's journal, as a winner's sale would be;</li>
 *   <li>publish every event the offer has due, then return, and only then is the command's offset committed.</li>
 * </ol>
 *
 * Limit: while the gateway cannot answer an accepted offer, the command is retried in place (the worker's never-skip
 * policy), which holds up the later commands of its partition; offers are rare next to sales, which have a pending
 * queue of their own instead.
 */
public class SecondChances {

    private static final Logger log = LoggerFactory.getLogger(SecondChances.class);

    private final SecondChanceStore store;
    private final GuardedPaymentGateway gateway;
    private final SettlementPublisher publisher;
    private final FeeSchedule fees;
    private final SettlementSteps steps;
    private final Clock clock;
    private final Duration offerWindow;

    SecondChances(SecondChanceStore store, GuardedPaymentGateway gateway, SettlementPublisher publisher,
                  FeeSchedule fees, SettlementSteps steps, Clock clock, Duration offerWindow) {
        this.store = store;
        this.gateway = gateway;
        this.publisher = publisher;
        this.fees = fees;
        this.steps = steps;
        this.clock = clock;
        this.offerWindow = offerWindow;
    }

    /** A command, with its broker time. */
    void handle(SecondChanceCommand command, Instant at) {
        Step step = decide(command, at);
        if (step instanceof Step.Charge charge) {
            settle(charge.sale(), charge(charge));
        } else if (step instanceof Step.Resolve resolve) {
            settle(resolve.sale(), resolve(resolve));
        }
        List<SecondChanceEvent> published = publishDue(command.auctionId());
        if (step instanceof Step.Publish repeat && !published.contains(repeat.event())) {
            publisher.publish(repeat.event()); // a repeated command: its outcome again, with the same content
        } else if (step instanceof Step.Reject reject) {
            log.info("Refused {} {} on {}: {}", command.getClass().getSimpleName(), command.commandId(),
                    command.auctionId(), reject.reason());
            publisher.publish(new SecondChanceRejected(
                    SecondChanceEvent.rejectedEventId(command.auctionId(), command.commandId()), command.auctionId(),
                    at, command.commandId(), command.getClass().getSimpleName(), command.actorId(), reject.reason(),
                    reject.message()));
        }
        if (step instanceof Step.Charge charge) {
            steps.afterPublish(charge.sale());
        } else if (step instanceof Step.Resolve resolve) {
            steps.afterPublish(resolve.sale());
        }
    }

    // Java 17 has no pattern switch (a preview there); the sealed interface keeps the three cases closed.
    private Step decide(SecondChanceCommand command, Instant at) {
        if (command instanceof OfferSecondChance offer) {
            return store.offer(offer, at, offerWindow);
        }
        if (command instanceof AcceptSecondChance accept) {
            return store.accept(accept, at, clock.instant());
        }
        if (command instanceof DeclineSecondChance decline) {
            return store.decline(decline, at);
        }
        throw new IllegalArgumentException("Unknown command type " + command.getClass().getName());
    }

    /**
     * Publishes the offer's events that are due and not yet acknowledged, in order, recording each.
     *
     * @return what was published
     */
    List<SecondChanceEvent> publishDue(String auctionId) {
        List<SecondChanceEvent> due = store.unpublishedEvents(auctionId);
        for (SecondChanceEvent event : due) {
            publisher.publish(event);
            store.published(event, clock.instant());
            log.info("Second chance of {}: {}", auctionId, event.getClass().getSimpleName());
        }
        return due;
    }

    private void settle(SoldAuction sale, PaymentResult result) {
        steps.afterCharge(sale);
        store.settle(sale.auctionId(), result, fees, clock.instant());
        steps.afterCommit(sale);
    }

    private PaymentResult charge(Step.Charge charge) {
        steps.beforeCharge(charge.sale());
        try {
            return gateway.charge(charge.request());
        } catch (ChargeOutcomeUnknownException e) {
            log.warn("Second-chance charge for {} has an unknown outcome ({}); looking it up",
                    charge.sale().auctionId(), e.getMessage());
            return resolve(new Step.Resolve(charge.sale(), charge.request()));
        } catch (GatewayUnavailableException e) {
            throw new SecondChanceUnresolvedException(charge.sale().auctionId(), e);
        }
    }

    private PaymentResult resolve(Step.Resolve resolve) {
        try {
            Optional<PaymentResult> known = gateway.lookup(resolve.request());
            return known.isPresent() ? known.get() : gateway.charge(resolve.request());
        } catch (GatewayUnavailableException | ChargeOutcomeUnknownException e) {
            throw new SecondChanceUnresolvedException(resolve.sale().auctionId(), e);
        }
    }
}
