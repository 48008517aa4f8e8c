package io.gream.ingress.engine;

/** Where an auction is in its life, as the engine reports it. */
public enum AuctionStatus {
    OPEN, CLOSED, CANCELLED
}
