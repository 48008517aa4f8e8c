package io.gream.contracts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A user's say on a second-chance offer: the seller offers the voucher of a sale whose payment was declined to the
 * runner-up, who accepts or declines it. Keyed by {@link #auctionId()} on {@code gream.settlement-commands}
 * ({@code LogAppendTime}: whether an answer came in time is judged by the broker's clock), written by the ingress,
 * decided by the settlement-worker, whose answer is a {@link SecondChanceEvent} on {@code gream.settlement-events}.
 *
 * <p>{@link #commandId()} makes a command idempotent: the worker answers a repeat with the original outcome.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = OfferSecondChance.class, name = "OfferSecondChance"),
        @JsonSubTypes.Type(value = AcceptSecondChance.class, name = "AcceptSecondChance"),
        @JsonSubTypes.Type(value = DeclineSecondChance.class, name = "DeclineSecondChance")
})
public sealed interface SecondChanceCommand permits OfferSecondChance, AcceptSecondChance, DeclineSecondChance {

    String commandId();

    String auctionId();

    /** The user who sent the command, taken by the ingress from a verified token. */
    String actorId();
}
