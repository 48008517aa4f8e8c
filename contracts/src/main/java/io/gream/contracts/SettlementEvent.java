package io.gream.contracts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;

/**
 * How a sold auction was settled, published on {@code gream.settlement-events} keyed by {@link #auctionId()}.
 * Written only by the settlement-worker.
 *
 * <p>An auction is settled at most once, so it has exactly one settlement event, whose
 * {@code eventId = auctionId + ":settlement"}, and then any number of {@link PaymentRefunded}, one per refund. When
 * the winner's payment was declined, the {@link SecondChanceEvent}s of an offer to the runner-up may follow. A
 * crash between publishing and committing may publish any of them twice, but always with the same content: the
 * worker rebuilds it from its row in the database.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SettlementCompleted.class, name = "SettlementCompleted"),
        @JsonSubTypes.Type(value = SettlementFailed.class, name = "SettlementFailed"),
        @JsonSubTypes.Type(value = PaymentRefunded.class, name = "PaymentRefunded"),
        @JsonSubTypes.Type(value = SecondChanceOffered.class, name = "SecondChanceOffered"),
        @JsonSubTypes.Type(value = SecondChanceCompleted.class, name = "SecondChanceCompleted"),
        @JsonSubTypes.Type(value = SecondChanceFailed.class, name = "SecondChanceFailed"),
        @JsonSubTypes.Type(value = SecondChanceDeclined.class, name = "SecondChanceDeclined"),
        @JsonSubTypes.Type(value = SecondChanceExpired.class, name = "SecondChanceExpired"),
        @JsonSubTypes.Type(value = SecondChanceRejected.class, name = "SecondChanceRejected")
})
public sealed interface SettlementEvent permits SettlementCompleted, SettlementFailed, PaymentRefunded,
        SecondChanceEvent {

    /**
     * {@code auctionId:settlement} for the settlement; {@code auctionId:refund:refundId} for each refund;
     * {@code auctionId:second-chance:...} for a second-chance offer ({@link SecondChanceEvent}).
     */
    String eventId();

    String auctionId();

    /** When it was recorded. */
    Instant at();

    static String eventId(String auctionId) {
        return auctionId + ":settlement";
    }
}
