package io.gream.ingress.live;

/**
 * One sequenced event as it goes out on a stream.
 *
 * @param json  the event exactly as on {@code gream.auction-events}
 * @param last  whether it ends the auction ({@code AuctionClosed}, {@code AuctionCancelled})
 */
record LiveEvent(long seq, String type, String json, boolean last) {
}
