package io.gream.settlement.reconciliation;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Reconciliation for operators, as an actuator endpoint: {@code GET /actuator/reconciliation} is the last report
 * this replica made; {@code POST /actuator/reconciliation} with {@code {"from":"...Z","to":"...Z"}} reconciles that
 * window now (unless another on-demand run is under way: then it says so). Protected as the other actuator endpoints are.
 */
@Endpoint(id = "reconciliation")
class ReconciliationEndpoint {

    private final Reconciler reconciler;

    ReconciliationEndpoint(Reconciler reconciler) {
        this.reconciler = reconciler;
    }

    @ReadOperation
    @Nullable
    ReconciliationReport last() {
        return reconciler.last().orElse(null);
    }

    @WriteOperation
    Object reconcile(String from, String to) {
        Instant start;
        Instant end;
        try {
            start = Instant.parse(from);
            end = Instant.parse(to);
        } catch (DateTimeParseException e) {
            throw new InvalidEndpointRequestException("from and to are ISO-8601 instants", e.getMessage());
        }
        if (!start.isBefore(end)) {
            throw new InvalidEndpointRequestException("from must be before to", "from must be before to");
        }
        return reconciler.reconcileExclusively(start, end, Reconciler.ON_DEMAND_LOCK, Duration.ZERO)
                .<Object>map(report -> report)
                .orElse(Map.of("status", "another replica is reconciling; try again shortly"));
    }
}
