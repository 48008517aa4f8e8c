package io.gream.ingress.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a command's outcome until the caller's deadline, as a chain of engine long polls ("slices").
 *
 * <p>Why a chain and not one long poll: in a failover drill (engines killed one by one) almost no bid got its
 * outcome although clients offered to wait 8 s, because
 * <ul>
 *   <li>only the active copy of an auction's partition decides its commands: a long poll parked on an instance
 *   that loses the partition never completes there and sat out the whole wait. Each slice asks for at most
 *   {@code maxSlice}, so the next slice re-locates the partition;</li>
 *   <li>an engine {@code 503} (rebalancing) or no reachable instance ended the wait at once, while the engine
 *   usually decides within seconds after the rebalance. These are asked again after a pause, for as long as the
 *   caller's wait lasts. The pause starts at {@code unavailableBackoff} and doubles with each pause in a row, up to
 *   {@link #MAX_PAUSE}: with hundreds of bids waiting through a rebalance, a fixed 250 ms made them ask the engines
 *   tens of times each, a storm that kept the engines too busy to finish rebalancing.</li>
 * </ul>
 * A slice that ends pending is followed by the next one at once; if the engine answered pending before the asked
 * wait was up (it did not hold the poll, e.g. a {@code 404} for an auction it has not seen yet), after
 * a pause too, so a quick answer cannot turn into a busy loop against the engine. When the
 * deadline passes, the outcome is {@link CommandStatus.Pending} whatever the last answer was: the caller's command is
 * written and will be decided; it is only not readable now. No pause lasts past the deadline.
 *
 * <p>No thread waits: slices are asynchronous HTTP calls and pauses are tasks on a scheduler.
 */
final class OutcomePolling {

    private static final Logger log = LoggerFactory.getLogger(OutcomePolling.class);

    /** Less than this left of the caller's wait is none: not enough to ask the engine anything. */
    private static final Duration NOTHING_LEFT = Duration.ofMillis(1);

    /** The longest pause between two slices. */
    static final Duration MAX_PAUSE = Duration.ofSeconds(2);

    /** One long poll for the command's outcome, asking the engine to wait at most {@code ask}. */
    @FunctionalInterface
    interface Slice {

        /**
         * @param deadline the caller's: a retry of this slice on another instance asks only what is left of it
         * @return the answer, or exceptionally {@link EngineUnavailableException} (rebalancing, or no instance
         *         reachable), or another exception for a bug
         */
        CompletableFuture<SliceAnswer> poll(Duration ask, Instant deadline);
    }

    /**
     * @param cutShort the engine answered pending before the asked wait was up: asking again at once would only
     *                 get the same quick answer
     */
    record SliceAnswer(CommandStatus status, boolean cutShort) {
    }

    private final Clock clock;
    private final Duration maxSlice;
    private final Duration unavailableBackoff;
    private final ScheduledExecutorService pauses;
    private final Counter pendingRepolls;
    private final Counter unavailableRepolls;

    /**
     * @param pauses schedules the next slice after a pause; the slice's own work runs on the HTTP client
     * @param meters gets {@code gream.ingress.engine.repolls{reason=pending|unavailable}}: slices asked after the
     *               first, by why the previous one did not settle the command
     */
    OutcomePolling(Clock clock, Duration maxSlice, Duration unavailableBackoff, ScheduledExecutorService pauses,
                   MeterRegistry meters) {
        this.clock = clock;
        this.maxSlice = maxSlice;
        this.unavailableBackoff = unavailableBackoff;
        this.pauses = pauses;
        this.pendingRepolls = repolls(meters, "pending");
        this.unavailableRepolls = repolls(meters, "unavailable");
    }

    private static Counter repolls(MeterRegistry meters, String reason) {
        return Counter.builder("gream.ingress.engine.repolls")
                .description("Long polls for a command's outcome asked again within the caller's wait")
                .tag("reason", reason)
                .register(meters);
    }

    /**
     * The command's status once decided, or {@link CommandStatus.Pending} when {@code wait} is over; exceptionally
     * only for a bug. A zero wait asks the engine once, without waiting.
     *
     * @param command names the command in logs
     */
    CompletableFuture<CommandStatus> await(String command, Duration wait, Slice slice) {
        Instant deadline = clock.instant().plus(wait);
        CompletableFuture<CommandStatus> result = new CompletableFuture<>();
        // The first slice asks exactly the wait (up to a slice), not the wait less the time it took to get here.
        ask(new Waiter(command, slice, deadline, result), min(wait, maxSlice));
        return result;
    }

    private void ask(Waiter waiter, Duration ask) {
        if (waiter.result.isDone()) {
            return; // the caller stopped waiting (cancelled)
        }
        waiter.slice.poll(ask, waiter.deadline).whenComplete((answer, error) -> {
            try {
                if (error == null) {
                    answered(waiter, answer);
                } else {
                    failed(waiter, error);
                }
            } catch (RuntimeException e) {
                waiter.result.completeExceptionally(e);
            }
        });
    }

    private void answered(Waiter waiter, SliceAnswer answer) {
        waiter.lastUnavailable = null;
        if (!answer.cutShort()) {
            waiter.pausesInARow = 0;
        }
        if (answer.status() instanceof CommandStatus.Decided) {
            waiter.result.complete(answer.status());
        } else if (answer.cutShort()) {
            afterPause(waiter, pendingRepolls);
        } else {
            again(waiter, pendingRepolls);
        }
    }

    private void failed(Waiter waiter, Throwable error) {
        Throwable cause = unwrap(error);
        if (!(cause instanceof EngineUnavailableException unavailable)) {
            waiter.result.completeExceptionally(cause);
            return;
        }
        waiter.lastUnavailable = unavailable.getMessage();
        afterPause(waiter, unavailableRepolls);
    }

    /** The next slice at once, while time is left. */
    private void again(Waiter waiter, Counter reason) {
        Duration left = Duration.between(clock.instant(), waiter.deadline);
        if (left.compareTo(NOTHING_LEFT) < 0) {
            giveUp(waiter);
            return;
        }
        reason.increment();
        ask(waiter, min(left, maxSlice));
    }

    /**
     * The next slice after a pause ({@code unavailableBackoff}, doubled for each pause in a row, at most
     * {@link #MAX_PAUSE}), or at the deadline with what is left if that is sooner.
     */
    private void afterPause(Waiter waiter, Counter reason) {
        Duration left = Duration.between(clock.instant(), waiter.deadline);
        if (left.compareTo(NOTHING_LEFT) < 0) {
            giveUp(waiter);
            return;
        }
        pauses.schedule(() -> {
            try {
                again(waiter, reason);
            } catch (RuntimeException e) {
                waiter.result.completeExceptionally(e);
            }
        }, min(left, pause(waiter.pausesInARow++)).toMillis(), TimeUnit.MILLISECONDS);
    }

    private void giveUp(Waiter waiter) {
        if (waiter.lastUnavailable != null) {
            log.warn("Command {}: outcome not readable within the wait, answering pending: {}", waiter.command,
                    waiter.lastUnavailable);
        }
        waiter.result.complete(new CommandStatus.Pending());
    }

    private Duration pause(int before) {
        return min(unavailableBackoff.multipliedBy(1L << Math.min(before, 16)), MAX_PAUSE);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** One caller's wait. */
    private static final class Waiter {

        final String command;
        final Slice slice;
        final Instant deadline;
        final CompletableFuture<CommandStatus> result;
        /** Why the engine could not answer the last time it could not, for the log; slices run one at a time. */
        volatile String lastUnavailable;
        /** Pauses since the last slice the engine held for its whole wait; doubles the next pause. */
        volatile int pausesInARow;

        Waiter(String command, Slice slice, Instant deadline, CompletableFuture<CommandStatus> result) {
            this.command = command;
            this.slice = slice;
            this.deadline = deadline;
            this.result = result;
        }
    }
}
