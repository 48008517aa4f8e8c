package io.gream.settlement.ledger;

/** How a price divides between the platform and the seller; {@code fee + sellerProceeds == price}. */
public record SaleSplit(long price, long fee, long sellerProceeds) {

    public SaleSplit {
        if (price <= 0 || fee < 0 || sellerProceeds < 0 || Math.addExact(fee, sellerProceeds) != price) {
            throw new IllegalArgumentException("fee " + fee + " and proceeds " + sellerProceeds
                    + " must be non-negative and add up to the price " + price);
        }
    }
}
