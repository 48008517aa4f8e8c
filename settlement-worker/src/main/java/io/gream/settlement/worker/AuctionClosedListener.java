package io.gream.settlement.worker;

import io.gream.contracts.AuctionClosed;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.BidAccepted;
import io.gream.contracts.BidRaisedByProxy;
import io.gream.settlement.store.RunnerUps;
import io.gream.settlement.store.SoldAuction;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Reads {@code gream.auction-events} and hands every sold auction to the {@link Settler}. Each bid's commitment is
 * folded into {@link RunnerUps}, so a sale's runner-up is known if a second chance is offered. Every other event is
 * skipped at once. The listener returns only when the settlement is recorded and published; the container then
 * commits the record's offset (ack mode RECORD), so a crash before that redelivers it.
 */
class AuctionClosedListener {

    static final String ID = "settlement-worker";

    private final Settler settler;
    private final RunnerUps runnerUps;
    private final String currency;

    AuctionClosedListener(Settler settler, RunnerUps runnerUps, String currency) {
        this.settler = settler;
        this.runnerUps = runnerUps;
        this.currency = currency;
    }

    @KafkaListener(id = ID, topics = "#{T(io.gream.contracts.Topics).AUCTION_EVENTS.name()}",
            groupId = "${gream.settlement.group-id}", concurrency = "${gream.settlement.concurrency}")
    void onEvent(AuctionEvent event) {
        if (event instanceof BidAccepted bid) {
            // A bid outbid at once by a proxy shows what it offered; a proxy bid that leads shows its price.
            runnerUps.committed(bid.auctionId(), bid.bidderId(), Math.max(bid.amount(), bid.offered()),
                    bid.eventId(), bid.seq());
        } else if (event instanceof BidRaisedByProxy raise) {
            runnerUps.committed(raise.auctionId(), raise.bidderId(), raise.amount(), raise.eventId(), raise.seq());
        } else if (event instanceof AuctionClosed closed && closed.outcome() != null
                && closed.outcome().hasWinner()) {
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
