package io.gream.contracts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;

/**
 * How a sold auction was settled, published on {@code gream.settlement-events} keyed by {@link #auctionId()}.
 * Written only by the settlement-worker.
 *
 * <p>An auction is settled at most once, so it has exactly one settlement event, whose
 * {@code eventId = auctionId + ":settlement"}, and then any number of {@link PaymentRefunded}, one per refund. A
 * crash between publishing and committing may publish either twice,
 * but always with the same content: the worker rebuilds it from the settlement row in the database.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SettlementCompleted.class, name = "SettlementCompleted"),
        @JsonSubTypes.Type(value = SettlementFailed.class, name = "SettlementFailed"),
        @JsonSubTypes.Type(value = PaymentRefunded.class, name = "PaymentRefunded")
})
public sealed interface SettlementEvent permits SettlementCompleted, SettlementFailed, PaymentRefunded {

    /** {@code auctionId:settlement} for the settlement; {@code auctionId:refund:refundId} for each refund. */
    String eventId();

    String auctionId();

    /** When the settlement was recorded. */
    Instant at();

    /** The buyer: the auction's winner. */
    String winnerId();

    String sellerId();

    /** What the winner owes, in minor units of {@link #currency()}. */
    long price();

    /** ISO 4217 code, e.g. {@code KRW}. */
    String currency();

    static String eventId(String auctionId) {
        return auctionId + ":settlement";
    }
}
