package io.gream.engine.topology;

/**
 * A command whose record key is not its auction id. It may sit on a partition that does not own the auction,
 * so deciding it could fork the auction's state; it is sent to the dead-letter topic instead.
 */
final class MisroutedCommandException extends RuntimeException {

    MisroutedCommandException(String key, String auctionId) {
        super("Command for auction " + auctionId + " arrived with key " + key
                + "; commands must be keyed by their auctionId");
    }
}
