package io.gream.contracts;

/**
 * Why the engine refused a command, named after the rule that refused it. For a bid the reasons are checked in
 * declaration order of the first six constants and the first failure is reported.
 */
public enum RejectionReason {
    /** No auction with this id was ever opened. */
    AUCTION_NOT_FOUND,
    /** The auction is closed or cancelled, or the command arrived at or after its end. */
    AUCTION_CLOSED,
    /** The bidder is the seller. */
    SELF_BID,
    /** The bidder already holds the highest bid. */
    ALREADY_LEADING,
    /** The amount is below {@code minNextBid}. */
    BID_TOO_LOW,
    /** The amount is above the configured ceiling. */
    AMOUNT_TOO_HIGH,

    /** An auction with this id already exists. */
    AUCTION_EXISTS,
    /** Someone other than the seller tried to cancel. */
    NOT_SELLER,
    /** The auction already has bids and can no longer be cancelled. */
    HAS_BIDS,

    /** {@code startPrice} is not positive or above the ceiling. */
    INVALID_START_PRICE,
    /** {@code minIncrement} is not positive or above the ceiling. */
    INVALID_MIN_INCREMENT,
    /** {@code reservePrice} is below {@code startPrice} or above the ceiling. */
    INVALID_RESERVE_PRICE,
    /** {@code buyNowPrice} is not above {@code startPrice}, below {@code reservePrice}, or above the ceiling. */
    INVALID_BUY_NOW_PRICE,
    /** {@code endsAt} is not in the future or is further away than the longest auction allowed. */
    INVALID_END_TIME,
    /** {@code softCloseSeconds} is negative or longer than the longest auction allowed. */
    INVALID_SOFT_CLOSE,
    /** The voucher has no positive face value or expires before the auction ends. */
    INVALID_ITEM
}
