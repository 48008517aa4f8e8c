package io.gream.ingress.auction;

import java.util.List;

/**
 * Open auctions, ending soonest first.
 *
 * @param next the cursor of the following page; absent (null is not written) when this page was not full
 */
record AuctionListResponse(List<AuctionResponse> auctions, String next) {
}
