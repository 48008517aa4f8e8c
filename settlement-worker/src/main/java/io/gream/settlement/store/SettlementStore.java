package io.gream.settlement.store;

import io.gream.contracts.SettlementEvent;
import io.gream.settlement.ledger.FeeSchedule;
import io.gream.settlement.ledger.Journal;
import io.gream.settlement.ledger.SaleSplit;
import io.gream.settlement.payment.GatewayTransaction;
import io.gream.settlement.payment.PaymentResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.github.resilience4j.core.IntervalFunction;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every write of a settlement, each in its own short transaction, each under the settlement row's lock
 * ({@code SELECT ... FOR UPDATE}) once the row exists. Two workers on the same auction therefore take turns, and
 * the second always sees what the first committed.
 *
 * <ol>
 *   <li>{@link #claim}: insert the PENDING row unless it exists (the primary key makes it unique per auction).</li>
 *   <li>{@link #begin}: decide the next step. Settled: publish it again. Pending with a charge already started
 *       (a crash, or another worker): resolve it by lookup. Otherwise mark the charge started, commit, then charge.</li>
 *   <li>{@link #complete} / {@link #fail}: in one transaction, settle the row and append its journal; or
 *       {@link #putOff}: leave it pending, due again after a backoff (an outage or an unknown outcome).</li>
 * </ol>
 */
@Component
public class SettlementStore {

    private static final Logger log = LoggerFactory.getLogger(SettlementStore.class);

    /** What the worker does next for a settlement. */
    public sealed interface Next {

        /** Settled already: (re)publish this event, charge nothing. */
        record Publish(SettlementEvent event) implements Next {
        }

        /** Nothing was sent yet; the row now says a charge is under way. */
        record Charge(SoldAuction sale) implements Next {
        }

        /**
         * A charge may have been sent before: look it up by its key, never charge blindly.
         *
         * @param pastDeadline when the lookup finds no charge, fail the sale instead of charging it
         */
        record Resolve(SoldAuction sale, boolean pastDeadline) implements Next {
        }
    }

    private final SettlementRepository settlements;
    private final LedgerLineRepository ledger;
    private final TransactionTemplate transactions;
    private final RefundStore refunds;
    private final SecondChanceStore secondChances;

    SettlementStore(SettlementRepository settlements, LedgerLineRepository ledger, RefundStore refunds,
                    SecondChanceStore secondChances, PlatformTransactionManager transactionManager) {
        this.secondChances = secondChances;
        this.settlements = settlements;
        this.ledger = ledger;
        this.refunds = refunds;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Makes sure the auction has its settlement row. Idempotent, and safe against a concurrent claim.
     *
     * @param deadlineAt until when a new row may stay pending; an existing row keeps its own
     */
    public void claim(SoldAuction sale, Instant deadlineAt) {
        try {
            transactions.executeWithoutResult(status -> {
                if (!settlements.existsById(sale.auctionId())) {
                    settlements.save(SettlementRecord.claim(sale, deadlineAt));
                }
            });
        } catch (DataIntegrityViolationException e) {
            // Another worker inserted it between our check and our insert: the row exists, which is all we need.
            log.debug("Settlement of {} was claimed concurrently", sale.auctionId());
        }
    }

    public Next begin(String auctionId, Instant now) {
        return transactions.execute(status -> {
            SettlementRecord record = locked(auctionId);
            if (record.state().terminal()) {
                return new Next.Publish(record.toEvent());
            }
            if (record.chargeStarted()) {
                return new Next.Resolve(record.sale(), record.pastDeadline(now));
            }
            record.startCharge(now);
            return new Next.Charge(record.sale());
        });
    }

    /**
     * Settles a pending row with the gateway's definite answer: a charge completes it and appends its journal, a
     * decline fails it. Both in one transaction.
     *
     * @return the settled event, and whether this call settled it (false: someone else had)
     */
    public Settled complete(String auctionId, PaymentResult result, FeeSchedule fees, Instant now) {
        return transactions.execute(status -> {
            SettlementRecord record = locked(auctionId);
            if (record.state().terminal()) {
                if (record.state() == SettlementState.FAILED && result instanceof PaymentResult.Charged charged) {
                    // A charge that went through after another attempt had failed the sale (at its deadline, or a
                    // racing worker). The money is ledgered at once, and its refund ordered in this transaction.
                    log.error("Auction {} was charged ({}) but its settlement had already FAILED: refunding it",
                            auctionId, charged.paymentKey());
                    refunds.recordLateCharge(record, charged.paymentKey(), now);
                    return new Settled(record.toEvent(), false, RefundStore.lateChargeRefundId(auctionId));
                }
                return new Settled(record.toEvent(), false);
            }
            if (result instanceof PaymentResult.Charged charged) {
                SoldAuction sale = record.sale();
                SaleSplit split = fees.split(sale.price());
                Journal journal = Journal.ofSale(auctionId, sale.winnerId(), sale.sellerId(), split, sale.currency());
                record.complete(charged.paymentKey(), split, now);
                settlements.save(record);
                ledger.saveAll(LedgerLine.of(journal, now));
            } else if (result instanceof PaymentResult.Declined declined) {
                record.fail(declined.code(), declined.message(), now);
            }
            return new Settled(record.toEvent(), true);
        });
    }

    /** Fails a pending row: the gateway certainly took nothing. */
    public Settled fail(String auctionId, String reason, String message, Instant now) {
        return complete(auctionId, new PaymentResult.Declined(reason, message), null, now);
    }

    /**
     * Leaves a pending row pending and due again after {@code backoff} of its attempts so far (the first put-off
     * waits {@code backoff.apply(1)}). Does nothing to a row someone else settled meanwhile.
     *
     * @return when it is next due, or null when it was already settled
     */
    public Instant putOff(String auctionId, String error, Instant now, IntervalFunction backoff) {
        return transactions.execute(status -> {
            SettlementRecord record = locked(auctionId);
            if (record.state().terminal()) {
                return null;
            }
            Instant next = now.plusMillis(backoff.apply(record.attempts() + 1));
            if (record.deadlineAt() != null && now.isBefore(record.deadlineAt()) && next.isAfter(record.deadlineAt())) {
                next = record.deadlineAt(); // the last try is at the deadline, not a backoff after it
            }
            record.putOff(error, next);
            settlements.save(record);
            return next;
        });
    }

    /** Auction ids of put-off settlements due at {@code now}, the longest waiting first. */
    public List<String> due(Instant now, int limit) {
        return transactions.execute(status -> settlements
                .findByStateAndNextAttemptAtLessThanEqualOrderByNextAttemptAt(SettlementState.PENDING, now,
                        Limit.of(limit))
                .stream().map(SettlementRecord::auctionId).toList());
    }

    /** Settlements in one state, for operators. */
    public List<SettlementRecord> inState(SettlementState state, int limit) {
        return transactions.execute(status -> settlements.findByStateOrderByAuctionId(state, Limit.of(limit)));
    }

    /** How many settlements are pending, how many of them past their deadline, and the earliest next attempt. */
    public PendingSummary pendingSummary(Instant now) {
        return transactions.execute(status -> new PendingSummary(
                settlements.countByState(SettlementState.PENDING),
                settlements.countByStateAndDeadlineAtLessThanEqual(SettlementState.PENDING, now),
                settlements.findFirstByStateAndNextAttemptAtIsNotNullOrderByNextAttemptAt(SettlementState.PENDING)
                        .map(SettlementRecord::nextAttemptAt).orElse(null)));
    }

    /** @param nextAttemptAt the earliest next attempt of a put-off settlement, null when none is put off */
    public record PendingSummary(long pending, long pastDeadline, Instant nextAttemptAt) {
    }

    /** The settlement as stored; for the event to publish, read back rather than taken from memory. */
    public SettlementRecord find(String auctionId) {
        return transactions.execute(status -> settlements.findById(auctionId)
                .orElseThrow(() -> new IllegalStateException("no settlement for " + auctionId)));
    }

    /** The journal of a completed settlement, reassembled (and so checked) from its lines. */
    public Journal journal(String auctionId) {
        return transactions.execute(status -> {
            List<LedgerLine> lines = ledger.findByJournalIdOrderById(auctionId);
            return LedgerLine.journal(lines);
        });
    }

    private SettlementRecord locked(String auctionId) {
        return settlements.lock(auctionId)
                .orElseThrow(() -> new IllegalStateException("settlement of " + auctionId + " was never claimed"));
    }

    /**
     * @param byThisCall       false when another worker (or an earlier delivery) had settled it
     * @param lateChargeRefund the refund ordered for a charge found after the sale had failed, or null
     */
    public record Settled(SettlementEvent event, boolean byThisCall, String lateChargeRefund) {

        public Settled(SettlementEvent event, boolean byThisCall) {
            this(event, byThisCall, null);
        }
    }

    /** Each account's balance (debits positive), per currency, over the whole ledger. */
    public List<Balance> balances() {
        return transactions.execute(status -> ledger.balances().stream()
                .map(row -> new Balance((String) row[0], (String) row[1], ((Number) row[2]).longValue()))
                .toList());
    }

    public record Balance(String account, String currency, long balance) {
    }

    /**
     * Money Gream recorded as moved through the gateway in {@code [from, to)}: the charges of completed sales, of
     * completed second-chance sales and of late charges, and the refunds given back through the gateway, each under
     * the gateway's reference.
     */
    public List<Movement> movements(Instant from, Instant to) {
        return transactions.execute(status -> {
            List<Movement> movements = new ArrayList<>();
            for (SettlementRecord sale : settlements.findByStateAndSettledAtGreaterThanEqualAndSettledAtLessThan(
                    SettlementState.COMPLETED, from, to)) {
                movements.add(new Movement(GatewayTransaction.Type.CHARGE, sale.paymentKey(), sale.price(),
                        sale.settledAt(), sale.auctionId()));
            }
            for (SecondChanceRecord sale : secondChances.completedBetween(from, to)) {
                movements.add(new Movement(GatewayTransaction.Type.CHARGE, sale.paymentKey(), sale.price(),
                        sale.settledAt(), sale.auctionId()));
            }
            for (RefundRecord late : refunds.lateCharges(from, to)) {
                movements.add(new Movement(GatewayTransaction.Type.CHARGE, late.paymentKey(), late.amount(),
                        late.requestedAt(), late.auctionId()));
            }
            for (RefundRecord refund : refunds.refundedThroughGateway(from, to)) {
                movements.add(new Movement(GatewayTransaction.Type.REFUND, refund.gatewayReference(),
                        refund.amount(), refund.refundedAt(), refund.auctionId()));
            }
            return movements;
        });
    }

    /** @param reference the gateway's reference: a charge's payment key, a refund's cancel reference */
    public record Movement(GatewayTransaction.Type type, String reference, long amount, Instant at,
                           String auctionId) {
    }
}
