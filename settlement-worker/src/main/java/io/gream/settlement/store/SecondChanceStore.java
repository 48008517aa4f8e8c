package io.gream.settlement.store;

import io.gream.contracts.AcceptSecondChance;
import io.gream.contracts.DeclineSecondChance;
import io.gream.contracts.OfferSecondChance;
import io.gream.contracts.SecondChanceEvent;
import io.gream.contracts.SecondChanceRejected.Reason;
import io.gream.contracts.SettlementEvent;
import io.gream.settlement.ledger.FeeSchedule;
import io.gream.settlement.ledger.Journal;
import io.gream.settlement.ledger.SaleSplit;
import io.gream.settlement.payment.ChargeRequest;
import io.gream.settlement.payment.PaymentResult;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every write of a second-chance offer, each in one short transaction under the offer's row lock
 * ({@code SELECT ... FOR UPDATE}), so an answer and the expiry of the same offer take turns and the second sees the
 * first. Each command method decides what the worker does next ({@link Step}); rules are checked in the order of
 * {@link Reason}'s constants where they apply.
 *
 * <p>It does not charge or publish: the worker does, between these steps, and records each publication
 * ({@link #published}), so an event whose publication a crash cut short is found by {@link #unpublished}.
 */
@Component
public class SecondChanceStore {

    /** What the worker does next for a command. */
    public sealed interface Step {

        /** Refused; nothing changed (except an offer found expired, whose outcome is now due). */
        record Reject(Reason reason, String message) implements Step {
        }

        /** Done, now or by an earlier delivery of the same command: publish what is due, and {@code event} again. */
        record Publish(SettlementEvent event) implements Step {
        }

        /** Accepted by this call: nothing has been sent to the gateway yet. */
        record Charge(SoldAuction sale, ChargeRequest request) implements Step {
        }

        /** Accepted before, the charge may have been sent: look it up by its key, never charge blindly. */
        record Resolve(SoldAuction sale, ChargeRequest request) implements Step {
        }
    }

    private static final EnumSet<SecondChanceState> FINISHED = EnumSet.of(SecondChanceState.COMPLETED,
            SecondChanceState.FAILED, SecondChanceState.DECLINED, SecondChanceState.EXPIRED);

    private final SecondChanceRepository offers;
    private final SettlementRepository settlements;
    private final LedgerLineRepository ledger;
    private final RunnerUps runnerUps;
    private final TransactionTemplate transactions;

    SecondChanceStore(SecondChanceRepository offers, SettlementRepository settlements, LedgerLineRepository ledger,
                      RunnerUps runnerUps, PlatformTransactionManager transactionManager) {
        this.offers = offers;
        this.settlements = settlements;
        this.ledger = ledger;
        this.runnerUps = runnerUps;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The seller offers the voucher of a declined sale to its runner-up, open until {@code at + window}. */
    public Step offer(OfferSecondChance command, Instant at, Duration window) {
        return transactions.execute(status -> {
            Optional<SettlementRecord> sale = settlements.lock(command.auctionId());
            if (sale.isEmpty()) {
                return new Step.Reject(Reason.SALE_NOT_DECLINED, "the auction has no sale to offer");
            }
            SettlementRecord failed = sale.get();
            if (!failed.sellerId().equals(command.sellerId())) {
                return new Step.Reject(Reason.NOT_SELLER, "only the auction's seller may offer a second chance");
            }
            Optional<SecondChanceRecord> existing = offers.findById(command.auctionId());
            if (existing.isPresent()) {
                return existing.get().offerCommandId().equals(command.commandId())
                        ? new Step.Publish(existing.get().offeredEvent())
                        : new Step.Reject(Reason.ALREADY_OFFERED, "the voucher was offered a second chance before");
            }
            if (failed.state() != SettlementState.FAILED || !failed.declined()) {
                return new Step.Reject(Reason.SALE_NOT_DECLINED, "the sale is " + failed.state()
                        + (failed.state() == SettlementState.FAILED ? " by " + failed.failureReason() : "")
                        + "; only a sale whose payment was declined may be offered");
            }
            Optional<RunnerUps.RunnerUp> runnerUp = runnerUps.of(command.auctionId(), failed.winnerId());
            if (runnerUp.isEmpty()) {
                return new Step.Reject(Reason.NO_RUNNER_UP, "no one but the winner bid on the auction");
            }
            SecondChanceRecord offer = new SecondChanceRecord(command.auctionId(), command.commandId(),
                    failed.sale(), SettlementEvent.eventId(command.auctionId()), runnerUp.get(), at, at.plus(window));
            offers.save(offer);
            return new Step.Publish(offer.offeredEvent());
        });
    }

    /**
     * The runner-up accepts: in time, the offer is ACCEPTED and marked as being charged (committed before the charge
     * is sent); a repeat while it is being charged resolves that charge.
     */
    public Step accept(AcceptSecondChance command, Instant at, Instant now) {
        return transactions.execute(status -> answer(command.auctionId(), command.bidderId(), command.commandId(),
                at, offer -> {
                    offer.accept(command.commandId(), at, now);
                    return new Step.Charge(offer.sale(), request(offer));
                }));
    }

    /** The runner-up declines: in time, the offer is over. */
    public Step decline(DeclineSecondChance command, Instant at) {
        return transactions.execute(status -> answer(command.auctionId(), command.bidderId(), command.commandId(),
                at, offer -> {
                    offer.decline(command.commandId(), at);
                    return new Step.Publish(offer.outcomeEvent());
                }));
    }

    private Step answer(String auctionId, String bidderId, String commandId, Instant at,
                        Function<SecondChanceRecord, Step> inTime) {
        Optional<SecondChanceRecord> locked = offers.lock(auctionId);
        if (locked.isEmpty()) {
            return new Step.Reject(Reason.NOT_OFFERED, "the auction has no second-chance offer");
        }
        SecondChanceRecord offer = locked.get();
        if (!offer.runnerUpId().equals(bidderId)) {
            return new Step.Reject(Reason.NOT_RUNNER_UP, "only the runner-up may answer the offer");
        }
        switch (offer.state()) {
            case OFFERED -> {
                if (offer.expiredAt(at)) {
                    offer.expire();
                    offers.save(offer);
                    return new Step.Reject(Reason.OFFER_CLOSED, "the offer expired at " + offer.expiresAt());
                }
                Step next = inTime.apply(offer);
                offers.save(offer);
                return next;
            }
            case ACCEPTED -> {
                return offer.chargeStarted() && commandId.equals(offer.answerCommandId())
                        ? new Step.Resolve(offer.sale(), request(offer))
                        : new Step.Reject(Reason.OFFER_CLOSED, "the offer was accepted and is being paid");
            }
            default -> {
                return commandId.equals(offer.answerCommandId()) ? new Step.Publish(offer.outcomeEvent())
                        : new Step.Reject(Reason.OFFER_CLOSED, "the offer is " + offer.state());
            }
        }
    }

    /** The gateway's definite answer on an accepted offer: a charge completes it and appends its journal. */
    public void settle(String auctionId, PaymentResult result, FeeSchedule fees, Instant now) {
        transactions.executeWithoutResult(status -> {
            SecondChanceRecord offer = offers.lock(auctionId).orElseThrow();
            if (offer.state() != SecondChanceState.ACCEPTED) {
                return; // settled by an earlier delivery
            }
            if (result instanceof PaymentResult.Charged charged) {
                SaleSplit split = fees.split(offer.price());
                offer.complete(charged.paymentKey(), split, now);
                ledger.saveAll(LedgerLine.of(Journal.ofSale(SecondChanceRecord.journalId(auctionId),
                        offer.runnerUpId(), offer.sellerId(), split, offer.sale().currency()), now));
            } else if (result instanceof PaymentResult.Declined declined) {
                offer.fail(declined.code(), declined.message(), now);
            }
            offers.save(offer);
        });
    }

    /**
     * Expires offers that nobody answered by {@code expiresAt}, once {@code grace} has passed too, so an answer
     * appended just before the deadline but still in flight is decided first.
     *
     * @return the auctions whose offer this call expired
     */
    public List<String> expireDue(Instant now, Duration grace, int limit) {
        List<String> due = transactions.execute(status -> offers
                .findByStateAndExpiresAtLessThanEqualOrderByExpiresAt(SecondChanceState.OFFERED, now.minus(grace),
                        Limit.of(limit))
                .stream().map(SecondChanceRecord::auctionId).toList());
        List<String> expired = new ArrayList<>();
        for (String auctionId : due) {
            Boolean changed = transactions.execute(status -> {
                SecondChanceRecord offer = offers.lock(auctionId).orElseThrow();
                if (offer.state() != SecondChanceState.OFFERED) {
                    return false;
                }
                offer.expire();
                offers.save(offer);
                return true;
            });
            if (Boolean.TRUE.equals(changed)) {
                expired.add(auctionId);
            }
        }
        return expired;
    }

    /** The events of an offer that are due but not yet acknowledged, in the order they must appear. */
    public List<SecondChanceEvent> unpublishedEvents(String auctionId) {
        return transactions.execute(status -> {
            List<SecondChanceEvent> due = new ArrayList<>(2);
            offers.findById(auctionId).ifPresent(offer -> {
                if (!offer.offerPublished()) {
                    due.add(offer.offeredEvent());
                }
                if (offer.state().terminal() && !offer.outcomePublished()) {
                    due.add(offer.outcomeEvent());
                }
            });
            return due;
        });
    }

    /** The broker acknowledged {@code event}. */
    public void published(SecondChanceEvent event, Instant now) {
        transactions.executeWithoutResult(status -> offers.lock(event.auctionId()).ifPresent(offer -> {
            if (event.eventId().equals(SecondChanceEvent.offeredEventId(event.auctionId()))) {
                offer.offerPublished(now);
            } else {
                offer.outcomePublished(now);
            }
            offers.save(offer);
        }));
    }

    /** Auctions whose offer has an event due but not yet acknowledged. */
    public List<String> unpublished(int limit) {
        return transactions.execute(status -> offers.unpublished(FINISHED, Limit.of(limit)).stream()
                .map(SecondChanceRecord::auctionId).toList());
    }

    public Optional<SecondChanceRecord> find(String auctionId) {
        return transactions.execute(status -> offers.findById(auctionId));
    }

    /** Completed second-chance sales charged in {@code [from, to)}, for reconciliation. */
    List<SecondChanceRecord> completedBetween(Instant from, Instant to) {
        return offers.findByStateAndSettledAtGreaterThanEqualAndSettledAtLessThan(SecondChanceState.COMPLETED, from,
                to);
    }

    private static ChargeRequest request(SecondChanceRecord offer) {
        SoldAuction sale = offer.sale();
        return new ChargeRequest(offer.idempotencyKey(), sale.auctionId(), sale.winnerId(), sale.price(),
                sale.currency(), sale.orderName());
    }
}
