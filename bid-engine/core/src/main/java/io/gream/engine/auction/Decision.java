package io.gream.engine.auction;

import io.gream.contracts.AuctionEvent;
import io.gream.contracts.CommandOutcome;

import java.util.List;
import java.util.Optional;

/**
 * What the rules decided for one command.
 *
 * @param outcome the answer to the command, also the first of {@code events} unless {@code repeat}
 * @param events  the events to publish, in order (the outcome, then e.g. a proxy raise, an extension or a
 *                buy-now close)
 * @param repeat  the command id was decided before: {@code outcome} is the original answer and nothing is
 *                published or changed, so a retried command never yields a second event
 * @param state   the auction after the decision. Folding {@code events} with {@link AuctionRules#evolve} gives the
 *                same auction except for the leader's secret maximum, which no public event carries; so the
 *                engine stores this state rather than a fold of the events
 */
public record Decision(CommandOutcome outcome, List<AuctionEvent> events, boolean repeat, Optional<Auction> state) {

    public Decision {
        events = List.copyOf(events);
    }

    static Decision repeatOf(CommandOutcome original, Optional<Auction> state) {
        return new Decision(original, List.of(), true, state);
    }
}
