package io.gream.settlement.worker;

import io.gream.contracts.AuctionClosed;
import io.gream.contracts.AuctionEvent;
import io.gream.settlement.store.SoldAuction;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Reads {@code gream.auction-events} and hands every sold auction to the {@link Settler}. Every other event is
 * skipped at once. The listener returns only when the settlement is recorded and published; the container then
 * commits the record's offset (ack mode RECORD), so a crash before that redelivers it.
 */
class AuctionClosedListener {

    static final String ID = "settlement-worker";

    private final Settler settler;
    private final String currency;

    AuctionClosedListener(Settler settler, String currency) {
        this.settler = settler;
        this.currency = currency;
    }

    @KafkaListener(id = ID, topics = "#{T(io.gream.contracts.Topics).AUCTION_EVENTS.name()}",
            groupId = "${gream.settlement.group-id}", concurrency = "${gream.settlement.concurrency}")
    void onEvent(AuctionEvent event) {
        if (event instanceof AuctionClosed closed && closed.outcome() != null && closed.outcome().hasWinner()) {
            settler.settle(sale(closed));
        }
    }

    private SoldAuction sale(AuctionClosed closed) {
        if (closed.winnerId() == null || closed.winnerId().isBlank() || closed.price() == null
                || closed.price() <= 0 || closed.sellerId() == null || closed.at() == null) {
            throw new InvalidCloseEventException("AuctionClosed " + closed.eventId() + " is " + closed.outcome()
                    + " but lacks a winner, a positive price, a seller or a time");
        }
        String orderName = closed.item() == null ? "Gream auction " + closed.auctionId()
                : closed.item().brand() + " " + closed.item().name();
        return new SoldAuction(closed.auctionId(), closed.eventId(), closed.at(), closed.winnerId(),
                closed.sellerId(), closed.price(), currency, orderName);
    }
}
