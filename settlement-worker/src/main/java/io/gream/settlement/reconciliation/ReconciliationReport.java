package io.gream.settlement.reconciliation;

import io.gream.settlement.payment.GatewayTransaction;

import java.time.Instant;
import java.util.List;

/**
 * What one reconciliation of {@code [from, to)} found.
 *
 * @param matched     movements found on both sides with the same amount
 * @param differences every movement found on one side only, or with two amounts
 */
public record ReconciliationReport(Instant from, Instant to, Instant ranAt, int matched,
                                   List<Difference> differences) {

    public enum Kind {
        /** The gateway moved money that the ledger does not record. */
        NOT_LEDGERED,
        /** The ledger records money that the gateway did not move. */
        NOT_AT_GATEWAY,
        /** Both record it, for different amounts. */
        AMOUNT_MISMATCH
    }

    /**
     * @param gatewayAmount null when the gateway has no record of it
     * @param ledgerAmount  null when the ledger has no record of it
     * @param auctionId     null when the ledger has no record of it
     */
    public record Difference(Kind kind, GatewayTransaction.Type type, String reference, Long gatewayAmount,
                             Long ledgerAmount, String auctionId) {
    }
}
