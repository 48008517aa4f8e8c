package io.gream.settlement.reconciliation;

import io.gream.settlement.payment.GatewayTransaction;
import io.gream.settlement.payment.GuardedPaymentGateway;
import io.gream.settlement.store.SettlementStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Compares the gateway's charges and refunds in a window with what the ledger records as moved through it, matched
 * by the gateway's reference (a charge's payment key, a refund's cancel reference), and reports every difference.
 * Either side is searched {@code margin} around the window for a match, since the gateway and the worker stamp a
 * movement with different clocks; only movements inside the window are reported. Runs under a ShedLock lock: a
 * scheduled window is reconciled by one replica, once. It only reads, so an on-demand run beside a scheduled one is
 * harmless. Limit: it reports; what to do about a difference is an operator's call.
 */
class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    /** The lock of on-demand runs; a scheduled run locks its window ({@link #windowLock}). */
    static final String ON_DEMAND_LOCK = "reconciliation-on-demand";

    private final GuardedPaymentGateway gateway;
    private final SettlementStore store;
    private final LockingTaskExecutor locks;
    private final Clock clock;
    private final Duration margin;
    private final Duration lockAtMostFor;
    private final AtomicReference<ReconciliationReport> last = new AtomicReference<>();
    private final Counter runs;

    Reconciler(GuardedPaymentGateway gateway, SettlementStore store, LockingTaskExecutor locks, Clock clock,
               Duration margin, Duration lockAtMostFor, MeterRegistry meters) {
        this.gateway = gateway;
        this.store = store;
        this.locks = locks;
        this.clock = clock;
        this.margin = margin;
        this.lockAtMostFor = lockAtMostFor;
        this.runs = Counter.builder("gream.settlement.reconciliation.runs")
                .description("reconciliations this replica ran").register(meters);
        Gauge.builder("gream.settlement.reconciliation.differences", last,
                        report -> report.get() == null ? 0 : report.get().differences().size())
                .description("differences the last reconciliation this replica ran found")
                .register(meters);
    }

    /** The lock of the scheduled run of the window starting at {@code from}: one run per window across replicas. */
    static String windowLock(Instant from) {
        return "reconciliation-" + from.getEpochSecond();
    }

    /**
     * Reconciles {@code [from, to)} unless another replica holds the lock.
     *
     * @param lockAtLeastFor how long the lock is kept after the run, so other replicas do not repeat it
     * @return the report, or empty when another replica held the lock
     */
    Optional<ReconciliationReport> reconcileExclusively(Instant from, Instant to, String lock,
                                                        Duration lockAtLeastFor) {
        try {
            // ShedLock's own clock, the one its lock provider compares lock_until with; not the worker's.
            Duration atMost = lockAtLeastFor.compareTo(lockAtMostFor) > 0 ? lockAtLeastFor : lockAtMostFor;
            var result = locks.executeWithLock(() -> reconcile(from, to),
                    new LockConfiguration(ClockProvider.now(), lock, atMost, lockAtLeastFor));
            return result.wasExecuted() ? Optional.of(result.getResult()) : Optional.empty();
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("reconciliation failed: " + e.getMessage(), e);
        }
    }

    Optional<ReconciliationReport> last() {
        return Optional.ofNullable(last.get());
    }

    private ReconciliationReport reconcile(Instant from, Instant to) {
        Map<String, GatewayTransaction> atGateway = new HashMap<>();
        for (GatewayTransaction transaction : gateway.transactions(from.minus(margin), to.plus(margin))) {
            atGateway.put(key(transaction.type(), transaction.reference()), transaction);
        }
        Map<String, SettlementStore.Movement> inLedger = new HashMap<>();
        for (SettlementStore.Movement movement : store.movements(from.minus(margin), to.plus(margin))) {
            inLedger.put(key(movement.type(), movement.reference()), movement);
        }
        List<ReconciliationReport.Difference> differences = new ArrayList<>();
        int matched = 0;
        for (GatewayTransaction transaction : atGateway.values()) {
            if (!inside(transaction.at(), from, to)) {
                continue;
            }
            SettlementStore.Movement movement = inLedger.get(key(transaction.type(), transaction.reference()));
            if (movement == null) {
                differences.add(new ReconciliationReport.Difference(ReconciliationReport.Kind.NOT_LEDGERED,
                        transaction.type(), transaction.reference(), transaction.amount(), null, null));
            } else if (movement.amount() != transaction.amount()) {
                differences.add(new ReconciliationReport.Difference(ReconciliationReport.Kind.AMOUNT_MISMATCH,
                        transaction.type(), transaction.reference(), transaction.amount(), movement.amount(),
                        movement.auctionId()));
            } else {
                matched++;
            }
        }
        for (SettlementStore.Movement movement : inLedger.values()) {
            if (inside(movement.at(), from, to)
                    && !atGateway.containsKey(key(movement.type(), movement.reference()))) {
                differences.add(new ReconciliationReport.Difference(ReconciliationReport.Kind.NOT_AT_GATEWAY,
                        movement.type(), movement.reference(), null, movement.amount(), movement.auctionId()));
            }
        }
        ReconciliationReport report = new ReconciliationReport(from, to, clock.instant(), matched,
                List.copyOf(differences));
        last.set(report);
        runs.increment();
        if (differences.isEmpty()) {
            log.info("Reconciled {} to {}: {} movements match", from, to, matched);
        } else {
            log.error("Reconciled {} to {}: {} match, {} differ: {}", from, to, matched, differences.size(),
                    differences);
        }
        return report;
    }

    private static boolean inside(Instant at, Instant from, Instant to) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    private static String key(GatewayTransaction.Type type, String reference) {
        return type + ":" + reference;
    }
}
