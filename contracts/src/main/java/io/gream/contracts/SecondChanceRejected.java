package io.gream.contracts;

import java.time.Instant;

/**
 * The worker refused a {@link SecondChanceCommand}; nothing changed.
 *
 * @param eventId     {@code auctionId:second-chance:cmd:commandId}
 * @param at          the command's broker time
 * @param commandType the command's {@code type}, e.g. {@code AcceptSecondChance}
 * @param actorId     who sent it
 */
public record SecondChanceRejected(
        String eventId,
        String auctionId,
        Instant at,
        String commandId,
        String commandType,
        String actorId,
        Reason reason,
        String message) implements SecondChanceEvent {

    /** Why, named after the rule that refused it. */
    public enum Reason {
        /** Someone other than the auction's seller asked to offer it. */
        NOT_SELLER,
        /** The auction has no sale whose payment was declined: none, pending, paid, or failed by an outage. */
        SALE_NOT_DECLINED,
        /** No one but the winner bid on the auction. */
        NO_RUNNER_UP,
        /** The auction's voucher was offered a second chance before; there is one offer per auction. */
        ALREADY_OFFERED,
        /** There is no offer to answer. */
        NOT_OFFERED,
        /** Someone other than the runner-up answered the offer. */
        NOT_RUNNER_UP,
        /** The offer was already answered, or it expired. */
        OFFER_CLOSED
    }
}
