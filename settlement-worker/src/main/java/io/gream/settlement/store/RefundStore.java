package io.gream.settlement.store;

import io.github.resilience4j.core.IntervalFunction;
import io.gream.contracts.PaymentRefunded;
import io.gream.settlement.ledger.Journal;
import io.gream.settlement.ledger.RefundSplit;
import io.gream.settlement.ledger.SaleSplit;
import io.gream.settlement.payment.RefundRequest;
import io.gream.settlement.payment.RefundResult;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every write of a refund, each in its own short transaction under its sale's settlement row lock, so the refunds of
 * one sale take turns and each sees what the others committed: the amounts left are checked against them, and a
 * buyer refund's split (how much off the fee, how much off the seller) follows the ones before it.
 *
 * <ol>
 *   <li>{@link #request}: record the order (idempotent by refund id); a seller fee refund is journaled at once.</li>
 *   <li>{@link #pending}: what to ask the gateway, while it is PENDING (look it up first: it may have been sent).</li>
 *   <li>{@link #complete}: REFUNDED with its reversing journal, or REFUSED; or {@link #putOff}: due again later.</li>
 *   <li>{@link #event} / {@link #markPublished}: the PaymentRefunded event, rebuilt from the rows.</li>
 * </ol>
 *
 * Limit: the amounts left are checked against Gream's own records; what the gateway itself allows is its answer.
 */
@Component
public class RefundStore {

    /** An operator's order: give back {@code amount} of a completed sale. */
    public record RefundOrder(String refundId, String auctionId, RefundKind kind, long amount, String reason) {
    }

    private final SettlementRepository settlements;
    private final RefundRepository refunds;
    private final LedgerLineRepository ledger;
    private final TransactionTemplate transactions;

    RefundStore(SettlementRepository settlements, RefundRepository refunds, LedgerLineRepository ledger,
                PlatformTransactionManager transactionManager) {
        this.settlements = settlements;
        this.refunds = refunds;
        this.ledger = ledger;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The refund that gives back a charge found after its settlement had failed. */
    public static String lateChargeRefundId(String auctionId) {
        return auctionId + ":late-charge-refund";
    }

    /** The journal that records a charge found after its settlement had failed. */
    public static String lateChargeJournalId(String auctionId) {
        return auctionId + ":late-charge";
    }

    /**
     * Records an order; the same order again returns the first one's refund unchanged.
     *
     * @throws RefundRejectedException the sale is not completed, the amount is more than is left, or the id is taken
     */
    public RefundRecord request(RefundOrder order, Instant now) {
        if (order.amount() <= 0 || order.refundId() == null || order.refundId().isBlank()
                || order.kind() == RefundKind.LATE_CHARGE) {
            throw new RefundRejectedException("a refund needs an id, a positive amount and kind BUYER or SELLER_FEE");
        }
        return transactions.execute(status -> {
            SettlementRecord sale = settlements.lock(order.auctionId())
                    .orElseThrow(() -> new RefundRejectedException("no settlement for " + order.auctionId()));
            Optional<RefundRecord> existing = refunds.findById(order.refundId());
            if (existing.isPresent()) {
                RefundRecord earlier = existing.get();
                if (!earlier.auctionId().equals(order.auctionId()) || earlier.kind() != order.kind()
                        || earlier.amount() != order.amount()) {
                    throw new RefundRejectedException("refund id " + order.refundId() + " is another refund's");
                }
                return earlier;
            }
            if (sale.state() != SettlementState.COMPLETED) {
                throw new RefundRejectedException("auction " + order.auctionId() + " is " + sale.state()
                        + ": only a completed sale is refunded");
            }
            Committed committed = committed(order.auctionId());
            long buyer = committed.buyer() + (order.kind() == RefundKind.BUYER ? order.amount() : 0);
            long fee = committed.sellerFee() + (order.kind() == RefundKind.SELLER_FEE ? order.amount() : 0);
            if (buyer > sale.price() || Math.multiplyExact(buyer, sale.fee()) / sale.price() + fee > sale.fee()) {
                throw new RefundRejectedException("a refund of " + order.amount() + " is more than is left of auction "
                        + order.auctionId() + " (price " + sale.price() + ", fee " + sale.fee() + ", refunded "
                        + committed.buyer() + " to the buyer and " + committed.sellerFee() + " of the fee)");
            }
            RefundRecord refund = new RefundRecord(order.refundId(), order.auctionId(), order.kind(), order.amount(),
                    sale.currency(), order.kind() == RefundKind.BUYER ? sale.paymentKey() : null, order.reason(),
                    now);
            if (order.kind() == RefundKind.SELLER_FEE) {
                refund.refunded(null, now);
                ledger.saveAll(LedgerLine.of(Journal.feeRefund(order.refundId(), order.auctionId(), sale.sellerId(),
                        order.amount(), sale.currency()), now));
            }
            return refunds.save(refund);
        });
    }

    /** A charge found after the sale had failed: its journal and its refund, in the caller's transaction. */
    void recordLateCharge(SettlementRecord sale, String paymentKey, Instant now) {
        String refundId = lateChargeRefundId(sale.auctionId());
        if (refunds.existsById(refundId)) {
            return;
        }
        ledger.saveAll(LedgerLine.of(Journal.lateCharge(lateChargeJournalId(sale.auctionId()), sale.winnerId(),
                sale.price(), sale.currency()), now));
        refunds.save(new RefundRecord(refundId, sale.auctionId(), RefundKind.LATE_CHARGE, sale.price(),
                sale.currency(), paymentKey, "charged after the settlement had failed", now));
    }

    /** What to ask the gateway, while the refund is PENDING. */
    public Optional<RefundRequest> pending(String refundId) {
        return transactions.execute(status -> refunds.findById(refundId)
                .filter(refund -> refund.state() == RefundState.PENDING)
                .map(RefundRecord::request));
    }

    /** @param byThisCall false when another attempt (a retrier, another replica) had completed it */
    public record Completed(RefundRecord refund, boolean byThisCall) {
    }

    /** Settles a pending refund with the gateway's answer: REFUNDED with its journal, or REFUSED. */
    public Completed complete(String refundId, RefundResult result, Instant now) {
        String auctionId = find(refundId).auctionId();
        return transactions.execute(status -> {
            SettlementRecord sale = settlements.lock(auctionId).orElseThrow();
            RefundRecord refund = refunds.findById(refundId).orElseThrow();
            if (refund.state() != RefundState.PENDING) {
                return new Completed(refund, false);
            }
            if (result instanceof RefundResult.Refunded refunded) {
                ledger.saveAll(LedgerLine.of(journal(sale, refund), now));
                refund.refunded(refunded.reference(), now);
            } else if (result instanceof RefundResult.Refused refused) {
                refund.refused(refused.code() + ": " + refused.message(), now);
            }
            return new Completed(refunds.save(refund), true);
        });
    }

    /** Leaves a pending refund pending, due again after {@code backoff} of its attempts so far. */
    public Instant putOff(String refundId, String error, Instant now, IntervalFunction backoff) {
        return transactions.execute(status -> {
            RefundRecord refund = refunds.findById(refundId).orElseThrow();
            if (refund.state() != RefundState.PENDING) {
                return null;
            }
            Instant next = now.plusMillis(backoff.apply(refund.attempts() + 1));
            refund.putOff(error, next);
            refunds.save(refund);
            return next;
        });
    }

    public List<String> due(Instant now, int limit) {
        return transactions.execute(status -> refunds.findByStateAndNextAttemptAtLessThanEqualOrderByNextAttemptAt(
                RefundState.PENDING, now, Limit.of(limit)).stream().map(RefundRecord::refundId).toList());
    }

    /** Refunded, but their event is not known to be published (a crash in between). */
    public List<String> unpublished(int limit) {
        return transactions.execute(status -> refunds.findByStateAndPublishedAtIsNullOrderByRefundedAt(
                RefundState.REFUNDED, Limit.of(limit)).stream().map(RefundRecord::refundId).toList());
    }

    /** The event of a REFUNDED refund, rebuilt from the rows; empty otherwise. */
    public Optional<PaymentRefunded> event(String refundId) {
        return transactions.execute(status -> refunds.findById(refundId)
                .filter(refund -> refund.state() == RefundState.REFUNDED)
                .map(refund -> refund.toEvent(settlements.findById(refund.auctionId()).orElseThrow())));
    }

    public void markPublished(String refundId, Instant now) {
        transactions.executeWithoutResult(status -> refunds.findById(refundId).ifPresent(refund -> {
            refund.published(now);
            refunds.save(refund);
        }));
    }

    /** Late charges recorded in {@code [from, to)}; in the caller's transaction. */
    List<RefundRecord> lateCharges(Instant from, Instant to) {
        return refunds.findByKindAndRequestedAtGreaterThanEqualAndRequestedAtLessThan(RefundKind.LATE_CHARGE, from,
                to);
    }

    /** Refunds given back through the gateway in {@code [from, to)}; in the caller's transaction. */
    List<RefundRecord> refundedThroughGateway(Instant from, Instant to) {
        return refunds.findByStateAndRefundedAtGreaterThanEqualAndRefundedAtLessThan(RefundState.REFUNDED, from, to)
                .stream().filter(refund -> refund.kind() != RefundKind.SELLER_FEE).toList();
    }

    public RefundRecord find(String refundId) {
        return transactions.execute(status -> refunds.findById(refundId)
                .orElseThrow(() -> new RefundRejectedException("no refund " + refundId)));
    }

    public List<RefundRecord> recent(int limit) {
        return transactions.execute(status -> refunds.findAllByOrderByRequestedAtDesc(Limit.of(limit)));
    }

    public List<RefundRecord> ofAuction(String auctionId) {
        return transactions.execute(status -> refunds.findByAuctionId(auctionId));
    }

    private Journal journal(SettlementRecord sale, RefundRecord refund) {
        return switch (refund.kind()) {
            case BUYER -> {
                long before = refunds.findByAuctionId(sale.auctionId()).stream()
                        .filter(r -> r.kind() == RefundKind.BUYER && r.state() == RefundState.REFUNDED)
                        .mapToLong(RefundRecord::amount).sum();
                RefundSplit split = RefundSplit.of(new SaleSplit(sale.price(), sale.fee(), sale.sellerProceeds()),
                        before, refund.amount());
                yield Journal.buyerRefund(refund.refundId(), sale.auctionId(), sale.winnerId(), sale.sellerId(),
                        split, sale.currency());
            }
            case LATE_CHARGE -> Journal.lateChargeRefund(refund.refundId(), lateChargeJournalId(sale.auctionId()),
                    sale.winnerId(), refund.amount(), sale.currency());
            case SELLER_FEE -> throw new IllegalStateException("a seller fee refund is journaled when ordered");
        };
    }

    /** What the sale's refunds (not refused) give back, ordered or done. */
    private Committed committed(String auctionId) {
        long buyer = 0;
        long sellerFee = 0;
        for (RefundRecord refund : refunds.findByAuctionId(auctionId)) {
            if (refund.state() == RefundState.REFUSED) {
                continue;
            }
            switch (refund.kind()) {
                case BUYER -> buyer += refund.amount();
                case SELLER_FEE -> sellerFee += refund.amount();
                case LATE_CHARGE -> {
                    // a failed sale's; a completed one has none
                }
            }
        }
        return new Committed(buyer, sellerFee);
    }

    private record Committed(long buyer, long sellerFee) {
    }
}
