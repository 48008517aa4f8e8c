package io.gream.contracts;

import java.time.Instant;

/**
 * An {@link OpenAuction} or {@link CancelAuction} was refused (bids are answered by {@link BidRejected}). Changes
 * nothing, so it has no {@code seq}.
 *
 * @param commandType the refused command's {@code type}
 * @param actorId     who sent it
 * @param detail      a sentence for people, e.g. which limit was crossed
 */
public record CommandRejected(
        String eventId,
        String auctionId,
        Instant at,
        String commandId,
        String commandType,
        String actorId,
        RejectionReason reason,
        String detail) implements CommandOutcome {

    @Override
    public boolean accepted() {
        return false;
    }
}
