package io.gream.ingress.auction;

import java.util.List;

/** Open auctions, ending soonest first. */
record AuctionListResponse(List<AuctionResponse> auctions) {
}
