package io.gream.settlement.ledger;

/** What a ledger line records. A journal has at most one line of each type. */
public enum EntryType {
    /** Debit: the money taken from the buyer's payment method, held by the platform. */
    BUYER_PAYMENT,
    /** Credit: what the platform owes the seller. */
    SELLER_PROCEEDS,
    /** Credit: the platform's revenue. */
    PLATFORM_FEE
}
