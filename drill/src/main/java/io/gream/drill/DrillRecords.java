package io.gream.drill;

import io.gream.audit.LogRecords;

import java.util.List;

/**
 * Everything a drill left behind: the auction log as the audit reads it, and what the load generator was answered
 * and which faults were injected. Plain records, so the checks run as well on hand-built lists in unit tests.
 */
record DrillRecords(LogRecords log, List<Answer> bids, List<Answer> queries, List<Fault> faults) {

    /**
     * One request of the load generator: a bid ({@code POST .../bids}) or a query ({@code GET /api/auctions/{id}}).
     *
     * @param status     the HTTP status, or 0 when no answer came (connection refused, timeout)
     * @param commandId  for a bid answered 201/202/409, the command id from the answer's body
     * @param partition  the auction's partition, so recovery can be timed per partition
     */
    record Answer(long sentMillis, long answeredMillis, String auctionId, int partition, int status,
                  String commandId) {
    }

    /** A fault the drill injected: {@code at} the signal, {@code action} e.g. {@code kill -9}, and the target. */
    record Fault(long atMillis, String action, String node) {
    }
}
