package io.gream.contracts;

/**
 * Something a user asks of an auction. Keyed by {@link #auctionId()} on {@code gream.auction-commands}; its time is
 * the record's broker timestamp ({@code LogAppendTime}), never a field the sender chooses.
 *
 * <p>{@link #commandId()} makes a command idempotent: the engine decides each id once per auction and answers a
 * repeat with the original outcome.
 */
public sealed interface AuctionCommand extends CommandLogEntry permits OpenAuction, PlaceBid, CancelAuction {

    String commandId();

    String auctionId();

    /** The user who sent the command, taken by the ingress from a verified token. */
    String actorId();
}
