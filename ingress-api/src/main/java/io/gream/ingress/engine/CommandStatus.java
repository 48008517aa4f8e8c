package io.gream.ingress.engine;

import io.gream.contracts.CommandOutcome;

/** What the engine knows about a command: its outcome, or that it has not decided it (yet). */
public sealed interface CommandStatus {

    /** The engine decided the command; {@code outcome} is the event exactly as published on the topic. */
    record Decided(CommandOutcome outcome) implements CommandStatus {
    }

    /** Not decided within the wait: the command may be in flight, or may never have been written. */
    record Pending() implements CommandStatus {
    }
}
