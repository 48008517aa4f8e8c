package io.gream.settlement.ledger;

/**
 * What a ledger line records. A journal has at most one line of each type; a refund's journal uses the types of the
 * lines it reverses, with the opposite sign.
 */
public enum EntryType {
    /** Debit: the money taken from the buyer's payment method, held by the platform. */
    BUYER_PAYMENT,
    /** Credit: what the platform owes the seller. */
    SELLER_PROCEEDS,
    /** Credit: the platform's revenue. */
    PLATFORM_FEE,
    /**
     * Money the gateway holds for the platform that no sale accounts for: credited when a charge is found after its
     * settlement failed, debited back when that charge is refunded. Zero once every such charge is refunded.
     */
    GATEWAY_CLEARING
}
