package io.gream.settlement.secondchance;

/**
 * The runner-up's charge could not be made or its outcome is unknown. The command is delivered again (after a
 * backoff) and the charge looked up by its key; nothing is skipped and nothing is charged twice.
 */
class SecondChanceUnresolvedException extends RuntimeException {

    SecondChanceUnresolvedException(String auctionId, RuntimeException cause) {
        super("second-chance payment of " + auctionId + " unresolved: " + cause.getMessage(), cause);
    }
}
