package io.gream.ingress.auction;

/**
 * Optional body of {@code POST /api/auctions/{id}/cancel}: there is nothing to say, but a body that tries to say
 * something (such as a {@code sellerId}) is refused like any unknown property rather than silently ignored.
 */
record CancelAuctionRequest() {
}
