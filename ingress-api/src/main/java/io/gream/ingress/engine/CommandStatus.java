package io.gream.ingress.engine;

import io.gream.contracts.CommandOutcome;

/** What is known about a command: its outcome, that it is not decided (yet), or that it was never written. */
public sealed interface CommandStatus {

    /** The engine decided the command; {@code outcome} is the event exactly as published on the topic. */
    record Decided(CommandOutcome outcome) implements CommandStatus {
    }

    /** Not decided within the wait: the command may be in flight, or may never have been written. */
    record Pending() implements CommandStatus {
    }

    /**
     * Never written, as far as the log shows: the engine has decided every command appended to the auction's
     * partition before the question, and this one was not among them (or its outcome is no longer kept).
     */
    record NotWritten() implements CommandStatus {
    }
}
