package io.gream.settlement.payment;

import java.util.Map;
import java.util.Optional;

/**
 * Where the Toss adapter finds a buyer's billing key (issued when the buyer registered a card for automatic
 * payments). Gream has no payment-method service yet, so the default reads them from configuration; a real one
 * implements this interface.
 */
@FunctionalInterface
public interface BillingKeys {

    /**
     * @param billingKey  Toss' key for the stored card
     * @param customerKey the customer key the billing key was issued for
     */
    record BillingKey(String billingKey, String customerKey) {
    }

    Optional<BillingKey> find(String customerId);

    /** Billing keys from a map of user id to billing key; the user id is the customer key. */
    static BillingKeys of(Map<String, String> billingKeysByUser) {
        Map<String, String> copy = Map.copyOf(billingKeysByUser);
        return customerId -> Optional.ofNullable(copy.get(customerId)).map(key -> new BillingKey(key, customerId));
    }
}
