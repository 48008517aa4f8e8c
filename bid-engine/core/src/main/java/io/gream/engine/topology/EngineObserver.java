package io.gream.engine.topology;

import io.gream.contracts.AuctionClosed;
import io.gream.contracts.CommandOutcome;

import java.time.Duration;

/**
 * Hears what the topology decides, for metrics. Called on stream threads, so implementations must be thread-safe
 * and fast; they must never influence a decision. Kept free of any metrics library so the topology stays plain.
 */
public interface EngineObserver {

    /** Observes nothing. */
    EngineObserver NONE = new EngineObserver() {
    };

    /** Tells every one of {@code observers}, in order. */
    static EngineObserver all(EngineObserver... observers) {
        return new EngineObserver() {
            @Override
            public void decided(CommandOutcome outcome) {
                for (EngineObserver observer : observers) {
                    observer.decided(outcome);
                }
            }

            @Override
            public void closedAtDeadline(AuctionClosed closed, Duration lag) {
                for (EngineObserver observer : observers) {
                    observer.closedAtDeadline(closed, lag);
                }
            }
        };
    }

    /** A command was decided for the first time (repeats are not reported). */
    default void decided(CommandOutcome outcome) {
    }

    /**
     * An auction closed at its deadline.
     *
     * @param lag how long after {@code endsAt} the engine closed it, by the engine's wall clock
     */
    default void closedAtDeadline(AuctionClosed closed, Duration lag) {
    }
}
