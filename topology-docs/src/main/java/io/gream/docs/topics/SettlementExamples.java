package io.gream.docs.topics;

import io.gream.contracts.AuctionClosed;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.SettlementCompleted;
import io.gream.contracts.SettlementEvent;
import io.gream.contracts.PaymentRefunded;
import io.gream.contracts.SettlementFailed;
import io.gream.settlement.ledger.FeeSchedule;
import io.gream.settlement.ledger.SaleSplit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Settlement events for the engine scenario's sold auctions, as the settlement-worker would publish them: the split
 * comes from the worker's own {@link FeeSchedule} at its default 10 %, the ids and times from the close event.
 * (The worker itself needs a database and a payment gateway, which a docs build does not run.)
 */
final class SettlementExamples {

    /** The worker's default {@code gream.settlement.fee-basis-points}. */
    static final FeeSchedule DEFAULT_FEES = new FeeSchedule(1000);

    private static final Duration SETTLED_AFTER = Duration.ofMillis(1_840);
    private static final Duration REFUNDED_AFTER = Duration.ofDays(2);

    private SettlementExamples() {
    }

    static List<SettlementEvent> of(List<AuctionEvent> decided) {
        List<SettlementEvent> settlements = new ArrayList<>();
        for (AuctionEvent event : decided) {
            if (event instanceof AuctionClosed closed && closed.outcome().hasWinner()) {
                SaleSplit split = DEFAULT_FEES.split(closed.price());
                String eventId = SettlementEvent.eventId(closed.auctionId());
                settlements.add(new SettlementCompleted(eventId, closed.auctionId(), closed.at().plus(SETTLED_AFTER),
                        closed.eventId(), closed.winnerId(), closed.sellerId(), closed.price(), split.fee(),
                        split.sellerProceeds(), "KRW", "sim-1"));
                settlements.add(new SettlementFailed(eventId, closed.auctionId(), closed.at().plus(SETTLED_AFTER),
                        closed.eventId(), closed.winnerId(), closed.sellerId(), closed.price(), "KRW",
                        "CARD_DECLINED", "The card issuer declined the charge"));
                String refundId = "r-" + closed.auctionId() + "-1";
                settlements.add(new PaymentRefunded(PaymentRefunded.eventId(closed.auctionId(), refundId),
                        closed.auctionId(), closed.at().plus(REFUNDED_AFTER), refundId, "BUYER", closed.winnerId(),
                        closed.sellerId(), closed.price(), closed.price() / 2, "KRW", "voucher partly used"));
            }
        }
        return settlements;
    }
}
