package io.gream.settlement.ledger;

/**
 * Who bears a refund to the buyer: the platform's fee and the seller's proceeds, in the sale's proportion. The fee's
 * share is cumulative, {@code floor((before + amount) * fee / price) - floor(before * fee / price)}, so refunds in
 * any number of parts that add up to the price give back exactly the fee and exactly the proceeds.
 *
 * @param amount     what the buyer gets back
 * @param feePart    what comes off the platform's fee
 * @param sellerPart what comes off the seller's proceeds; {@code feePart + sellerPart == amount}
 */
public record RefundSplit(long amount, long feePart, long sellerPart) {

    public RefundSplit {
        if (amount <= 0 || feePart < 0 || sellerPart < 0 || Math.addExact(feePart, sellerPart) != amount) {
            throw new IllegalArgumentException("a refund of " + amount + " cannot split into fee " + feePart
                    + " and seller " + sellerPart);
        }
    }

    /**
     * @param sale           the sale's split as settled
     * @param refundedBefore what earlier refunds already gave the buyer back
     */
    public static RefundSplit of(SaleSplit sale, long refundedBefore, long amount) {
        if (amount <= 0 || refundedBefore < 0 || Math.addExact(refundedBefore, amount) > sale.price()) {
            throw new IllegalArgumentException("a refund of " + amount + " after " + refundedBefore
                    + " exceeds the price " + sale.price());
        }
        long feeBefore = Math.multiplyExact(refundedBefore, sale.fee()) / sale.price();
        long feeAfter = Math.multiplyExact(refundedBefore + amount, sale.fee()) / sale.price();
        return new RefundSplit(amount, feeAfter - feeBefore, amount - (feeAfter - feeBefore));
    }
}
