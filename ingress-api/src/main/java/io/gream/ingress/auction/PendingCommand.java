package io.gream.ingress.auction;

/**
 * Body of a {@code 202}: the command was written, its outcome is not known yet. Poll the {@code Location}
 * (optionally with {@code Prefer: wait=N}), or retry the original request with the same {@code Idempotency-Key}.
 *
 * @param status always {@code PENDING}
 */
record PendingCommand(String commandId, String auctionId, String status) {

    PendingCommand(String commandId, String auctionId) {
        this(commandId, auctionId, "PENDING");
    }
}
