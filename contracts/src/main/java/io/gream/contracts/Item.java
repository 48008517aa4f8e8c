package io.gream.contracts;

import java.time.LocalDate;

import static io.gream.contracts.Require.present;
import static io.gream.contracts.Require.text;

/**
 * The voucher an auction sells.
 *
 * @param brand            the issuing brand, e.g. "Starbucks"
 * @param name             the product, e.g. "Americano Tall"
 * @param faceValue        what the voucher is worth at the brand, in minor units
 * @param voucherExpiresOn the last day the voucher can be redeemed
 */
public record Item(String brand, String name, long faceValue, LocalDate voucherExpiresOn) {

    public Item {
        text(brand, "brand");
        text(name, "name");
        present(voucherExpiresOn, "voucherExpiresOn");
    }
}
