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
    PAYMENT_REFUNDED
}
