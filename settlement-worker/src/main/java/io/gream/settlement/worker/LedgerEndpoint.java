package io.gream.settlement.worker;

import io.gream.settlement.store.SettlementStore;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import java.util.List;

/**
 * {@code GET /actuator/ledger}: each account's balance (debits positive, credits negative) per currency, read from the
 * ledger lines at the moment of the request: {@code buyer:<id>} (paid, less refunds), {@code seller:<id>} (owed to
 * the seller, negative), {@code platform:fees} (fee revenue, negative) and {@code gateway:clearing} (money taken that
 * no sale accounts for and not yet given back; zero when every late charge is refunded). All accounts together sum to
 * zero. Limit: one row per account, no paging.
 */
@Endpoint(id = "ledger")
class LedgerEndpoint {

    private final SettlementStore store;

    LedgerEndpoint(SettlementStore store) {
        this.store = store;
    }

    @ReadOperation
    List<SettlementStore.Balance> balances() {
        return store.balances();
    }
}
