package io.gream.ingress.engine;

import io.gream.contracts.AuctionView;
import java.util.List;

/** The engine's {@code GET /auctions} answer: auctions ending soonest first. */
record AuctionList(List<AuctionView> auctions) {

    AuctionList {
        auctions = auctions == null ? List.of() : List.copyOf(auctions);
    }
}
