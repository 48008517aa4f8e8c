package io.gream.engine.auction;

import java.time.Instant;

/** An accepted bid: the one that leads an auction. */
public record Bid(String bidderId, long amount, Instant at, String commandId) {
}
