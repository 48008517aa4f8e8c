package io.gream.settlement.worker;

import io.gream.settlement.store.SettlementRecord;
import io.gream.settlement.store.SettlementState;
import io.gream.settlement.store.SettlementStore;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The operator's view of settlements, as an actuator endpoint on the management port: {@code GET
 * /actuator/settlements} (how many are pending, past their deadline, and the next attempt) and {@code GET
 * /actuator/settlements/PENDING} (each pending sale with its attempts, next attempt, deadline and last error; also
 * {@code COMPLETED} and {@code FAILED}). It is protected as the other actuator endpoints are: exposed on an internal
 * port only. Limit: lists at most {@value #LIMIT} rows, ordered by auction id.
 */
@Endpoint(id = "settlements")
class SettlementsEndpoint {

    static final int LIMIT = 500;

    private final SettlementStore store;
    private final Clock clock;

    SettlementsEndpoint(SettlementStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** @param nextAttemptAt the earliest next attempt, null when nothing is put off */
    record Summary(long pending, long pastDeadline, Instant nextAttemptAt, Instant asOf) {
    }

    record Row(String auctionId, SettlementState state, boolean chargeStarted, int attempts, Instant nextAttemptAt,
               Instant deadlineAt, String lastError, String failureReason, Instant settledAt) {
    }

    @ReadOperation
    Summary summary() {
        Instant now = clock.instant();
        SettlementStore.PendingSummary summary = store.pendingSummary(now);
        return new Summary(summary.pending(), summary.pastDeadline(), summary.nextAttemptAt(), now);
    }

    @ReadOperation
    List<Row> inState(@Selector String state) {
        SettlementState wanted = SettlementState.valueOf(state.toUpperCase(Locale.ROOT));
        return store.inState(wanted, LIMIT).stream().map(SettlementsEndpoint::row).toList();
    }

    private static Row row(SettlementRecord record) {
        return new Row(record.auctionId(), record.state(), record.chargeStarted(), record.attempts(),
                record.nextAttemptAt(), record.deadlineAt(), record.lastError(), record.failureReason(),
                record.settledAt());
    }
}
