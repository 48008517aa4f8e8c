package io.gream.settlement.worker;

import io.gream.settlement.store.SoldAuction;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Step hooks that kill the worker once, at one step of the first settlement they pick: an {@link Error} thrown from a
 * hook stops spring-kafka's container without committing the record, as a killed process would. Does not restart
 * anything; the test starts the next worker.
 */
final class CrashAt implements SettlementSteps {

    enum Step {
        BEFORE_CHARGE, AFTER_CHARGE_BEFORE_COMMIT, AFTER_COMMIT_BEFORE_PUBLISH, AFTER_PUBLISH_BEFORE_OFFSET_COMMIT
    }

    /** An Error, like an OutOfMemoryError: spring-kafka stops the container without committing the record. */
    static final class InjectedCrash extends Error {
        InjectedCrash(Step step) {
            super("injected crash " + step);
        }
    }

    private final Step step;
    private final Predicate<SoldAuction> picks;
    private final AtomicBoolean crashed = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);

    CrashAt(Step step, Predicate<SoldAuction> picks) {
        this.step = step;
        this.picks = picks;
    }

    @Override
    public void beforeCharge(SoldAuction sale) {
        crashIf(Step.BEFORE_CHARGE, sale);
    }

    @Override
    public void afterCharge(SoldAuction sale) {
        crashIf(Step.AFTER_CHARGE_BEFORE_COMMIT, sale);
    }

    @Override
    public void afterCommit(SoldAuction sale) {
        crashIf(Step.AFTER_COMMIT_BEFORE_PUBLISH, sale);
    }

    @Override
    public void afterPublish(SoldAuction sale) {
        crashIf(Step.AFTER_PUBLISH_BEFORE_OFFSET_COMMIT, sale);
    }

    boolean awaitCrash() throws InterruptedException {
        return done.await(WorkerTestSupport.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private void crashIf(Step at, SoldAuction sale) {
        if (at == step && picks.test(sale) && crashed.compareAndSet(false, true)) {
            done.countDown();
            throw new InjectedCrash(step);
        }
    }
}
