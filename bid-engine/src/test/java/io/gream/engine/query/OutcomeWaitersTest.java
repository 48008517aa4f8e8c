package io.gream.engine.query;

import io.gream.contracts.BidAccepted;
import io.gream.contracts.CommandOutcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutcomeWaitersTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final CommandOutcome ACCEPTED =
            new BidAccepted("a-1:2", "a-1", 2, T0, "c-1", "bob", 1_500, null, null, 1, 1_600);
    private static final Duration SHORT = Duration.ofMillis(20);

    private final OutcomeWaiters waiters = new OutcomeWaiters();
    private final AtomicInteger storeReads = new AtomicInteger();

    @Test
    void anOutcomeDecidedHereBeforeThePollIsAnsweredFromMemoryWithoutReadingTheStore() throws Exception {
        waiters.decided(ACCEPTED);

        Optional<CommandOutcome> outcome = waiters.await("a-1", "c-1", Duration.ofSeconds(5), store(null))
                .get(1, TimeUnit.SECONDS);

        assertThat(outcome).contains(ACCEPTED);
        assertThat(storeReads).hasValue(0);
    }

    @Test
    void anUndecidedCommandIsLookedUpInTheStoreOnEveryPollSinceAnotherOwnerMayHaveDecidedIt() throws Exception {
        for (int poll = 0; poll < 3; poll++) {
            assertThat(waiters.await("a-1", "c-1", SHORT, store(null)).get(1, TimeUnit.SECONDS)).isEmpty();
        }

        assertThat(waiters.await("a-1", "c-1", SHORT, store(ACCEPTED)).get(1, TimeUnit.SECONDS)).contains(ACCEPTED);
        assertThat(storeReads).hasValue(4);
    }

    @Test
    void aStoreThatCouldNotBeReadIsReadAgainOnTheNextPollAndLeavesNoWaiterBehind() throws Exception {
        Supplier<Optional<CommandOutcome>> restoring = () -> {
            storeReads.incrementAndGet();
            throw new EngineUnavailableException("partition 0 is not readable here now");
        };
        assertThatThrownBy(() -> waiters.await("a-1", "c-1", Duration.ofSeconds(30), restoring))
                .isInstanceOf(EngineUnavailableException.class);
        assertThat(waiters.waitingPolls()).as("no waiter left behind by the failed read").isZero();

        assertThat(waiters.await("a-1", "c-1", Duration.ofSeconds(5), store(ACCEPTED)).get(1, TimeUnit.SECONDS))
                .as("the outcome the previous owner decided, now in this instance's store").contains(ACCEPTED);
        assertThat(storeReads).hasValue(2);
    }

    @Test
    void anOutcomeInTheStoreIsFoundOnTheFirstPoll() throws Exception {
        assertThat(waiters.await("a-1", "c-1", Duration.ofSeconds(5), store(ACCEPTED)).get(1, TimeUnit.SECONDS))
                .contains(ACCEPTED);
    }

    @Test
    void aDecisionWhileAPollWaitsCompletesItAtOnce() throws Exception {
        var poll = waiters.await("a-1", "c-1", Duration.ofSeconds(30), store(null));
        assertThat(poll).isNotDone();

        waiters.decided(ACCEPTED);

        assertThat(poll.get(1, TimeUnit.SECONDS)).contains(ACCEPTED);
    }

    private Supplier<Optional<CommandOutcome>> store(CommandOutcome holds) {
        return () -> {
            storeReads.incrementAndGet();
            return Optional.ofNullable(holds);
        };
    }
}
