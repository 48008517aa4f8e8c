package io.gream.ingress.tail;

import io.gream.contracts.AuctionExtended;
import io.gream.contracts.BidAccepted;
import io.gream.contracts.CommandOutcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Matching outcomes read from the log to the requests waiting for them, and remembering them. */
class CommandOutcomesTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static final byte[] JSON = "{}".getBytes();

    private final CommandOutcomes outcomes = new CommandOutcomes(new TailProperties("read_uncommitted", 2,
            Duration.ofMinutes(2)), 2, Runnable::run, new SimpleMeterRegistry());

    @Test
    void onlyTheCommandsOutcomeCompletesItsWaitNotAnotherEventWithTheSameCommandId() {
        CommandOutcomes.Expectation expected = outcomes.expect("a-1", "c-1");

        outcomes.onEvent(new AuctionExtended("a-1:3", "a-1", 3, T0, "c-1", T0, T0.plusSeconds(60)), JSON, 0);
        assertThat(expected.now()).isEmpty();
        outcomes.onEvent(accepted("a-1", "c-2"), JSON, 0);
        assertThat(expected.now()).isEmpty();
        outcomes.onEvent(accepted("a-1", "c-1"), JSON, 0);

        assertThat(expected.within(Duration.ofSeconds(1)).join()).contains(accepted("a-1", "c-1"));
    }

    @Test
    void anOutcomeReadBeforeTheCommandsWriteWasAcknowledgedIsNotMissed() {
        CommandOutcomes.Expectation expected = outcomes.expect("a-1", "c-1"); // registered before writing
        outcomes.onEvent(accepted("a-1", "c-1"), JSON, 0); // read while the write's ack is on its way

        assertThat(expected.within(Duration.ZERO).join()).contains(accepted("a-1", "c-1"));
    }

    @Test
    void aRecentlyReadOutcomeAnswersAtOnce() {
        outcomes.onEvent(accepted("a-1", "c-1"), JSON, 0);

        assertThat(outcomes.expect("a-1", "c-1").now()).contains(accepted("a-1", "c-1"));
        assertThat(outcomes.remembered("a-1", "c-1")).contains(accepted("a-1", "c-1"));
        assertThat(outcomes.remembered("a-2", "c-1")).isEmpty();
    }

    @Test
    void noOutcomeWithinTheWaitIsEmptyAndFreesItsPlace() {
        CommandOutcomes.Expectation first = outcomes.expect("a-1", "c-1");
        CommandOutcomes.Expectation second = outcomes.expect("a-1", "c-2");
        CommandOutcomes.Expectation third = outcomes.expect("a-1", "c-3");

        assertThat(third.refused()).isTrue(); // max-waiting is 2
        assertThat(third.within(Duration.ofSeconds(5)).join()).isEmpty();
        assertThat(first.within(Duration.ofMillis(10)).join()).isEqualTo(Optional.empty());
        second.cancel();
        assertThat(outcomes.expect("a-1", "c-4").refused()).isFalse();
        assertThat(outcomes.expect("a-1", "c-5").refused()).isFalse();
    }

    private static CommandOutcome accepted(String auctionId, String commandId) {
        return new BidAccepted(auctionId + ":2", auctionId, 2, T0, commandId, "bob", 1_500, null, null, 1, 1_600);
    }
}
