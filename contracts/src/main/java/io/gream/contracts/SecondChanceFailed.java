package io.gream.contracts;

import java.time.Instant;

/**
 * The runner-up accepted the offer but the payment was declined: nothing was taken and the ledger has no journal for
 * it. The offer is over; there is no third chance.
 *
 * @param commandId the runner-up's {@link AcceptSecondChance}
 * @param reason    the gateway's stable code, e.g. {@code CARD_DECLINED}
 */
public record SecondChanceFailed(
        String eventId,
        String auctionId,
        Instant at,
        String commandId,
        String sellerId,
        String runnerUpId,
        long price,
        String currency,
        String reason,
        String message) implements SecondChanceEvent {
}
