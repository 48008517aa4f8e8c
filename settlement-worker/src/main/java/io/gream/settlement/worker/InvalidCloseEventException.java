package io.gream.settlement.worker;

/** An {@code AuctionClosed} with a winner that cannot be settled (no price, no winner id): a poison record. */
class InvalidCloseEventException extends RuntimeException {

    InvalidCloseEventException(String message) {
        super(message);
    }
}
