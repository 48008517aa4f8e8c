package io.gream.settlement.worker;

import io.gream.settlement.payment.RefundRequest;
import io.gream.settlement.store.SoldAuction;

/**
 * Hooks between the steps of a settlement, where a crash is most dangerous. Production uses {@link #NONE}; tests
 * supply a bean that crashes the worker at one of them, then restart it and check that nothing was lost and no one
 * was charged twice.
 */
public interface SettlementSteps {

    SettlementSteps NONE = new SettlementSteps() {
    };

    /** The row says a charge is under way (committed); nothing is sent to the gateway yet. */
    default void beforeCharge(SoldAuction sale) {
    }

    /** The gateway answered definitely; nothing is in the database yet. */
    default void afterCharge(SoldAuction sale) {
    }

    /** The settlement and its journal are committed; nothing is published yet. */
    default void afterCommit(SoldAuction sale) {
    }

    /** The event is acknowledged by the broker; the offset is not committed yet. */
    default void afterPublish(SoldAuction sale) {
    }

    /** The gateway gave the money back; the refund is not recorded yet. */
    default void afterRefund(RefundRequest refund) {
    }
}
