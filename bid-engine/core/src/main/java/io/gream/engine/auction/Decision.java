package io.gream.engine.auction;

import io.gream.contracts.AuctionEvent;
import io.gream.contracts.CommandOutcome;

import java.util.ArrayList;
import java.util.List;

/**
 * What the rules decided for one command.
 *
 * @param outcome  the answer to the command, also the first of {@code events} unless {@code repeat}
 * @param events   the events to publish, in order (the outcome, then e.g. an extension or a buy-now close)
 * @param repeat   the command id was decided before: {@code outcome} is the original answer and nothing is
 *                 published or changed, so a retried command never yields a second event
 */
public record Decision(CommandOutcome outcome, List<AuctionEvent> events, boolean repeat) {

    public Decision {
        events = List.copyOf(events);
    }

    static Decision of(CommandOutcome outcome, AuctionEvent... followUps) {
        var events = new ArrayList<AuctionEvent>(1 + followUps.length);
        events.add(outcome);
        events.addAll(List.of(followUps));
        return new Decision(outcome, events, false);
    }

    static Decision repeatOf(CommandOutcome original) {
        return new Decision(original, List.of(), true);
    }
}
