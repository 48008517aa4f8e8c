package io.gream.notifier.notification;

/** What happened to the recipient. Part of the API (inbox, stream and webhook bodies): add, never rename. */
public enum NotificationType {
    /** Someone bid more than the recipient, who led until then. */
    OUTBID,
    /** The recipient won an auction and owes its price. */
    WON,
    /** The recipient's auction ended with a winner. */
    SOLD,
    /** The recipient's auction ended without a winner (no bids, or the reserve was not met). */
    NOT_SOLD,
    /** The winner was charged: to the buyer, a receipt; to the seller, proceeds are on the way. */
    SETTLED,
    /** The winner could not be charged. */
    PAYMENT_FAILED,
    /** Money was given back: to the buyer (a refund), or the platform's fee to the seller. */
    PAYMENT_REFUNDED,
    /** The seller offers the recipient, the runner-up, the voucher at their highest bid, until a deadline. */
    SECOND_CHANCE_OFFERED,
    /** A second-chance offer ended unsold: the runner-up declined it, or let it expire. */
    SECOND_CHANCE_ENDED,
    /** The recipient's second-chance request (offer, accept or decline) was refused. */
    SECOND_CHANCE_REJECTED
}
