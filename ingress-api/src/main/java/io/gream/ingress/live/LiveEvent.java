package io.gream.ingress.live;

/**
 * One sequenced event as it goes out on a stream.
 *
 * @param json  the event's public form ({@link PublicEvents}), the same for every watcher
 * @param last  whether it ends the auction ({@code AuctionClosed}, {@code AuctionCancelled})
 */
record LiveEvent(long seq, String type, String json, boolean last) {
}
