package io.gream.perf.drill;

import io.gream.contracts.AuctionEvent;
import io.gream.contracts.CommandLogEntry;
import io.gream.contracts.SettlementEvent;

import java.util.List;

/**
 * Everything a drill left behind, as the verifier reads it: the three topics (read with {@code read_committed}),
 * the settlement database, and what the load generator was answered. Plain records, so the checks run as well on
 * hand-built lists in unit tests as on a real cluster's history.
 */
record DrillRecords(List<Command> commands, List<Event> events, List<SettlementEvent> settlementEvents,
                    List<SettlementRow> settlements, List<LedgerLine> ledger, List<Answer> bids,
                    List<Answer> queries, List<Fault> faults) {

    /** A record of {@code gream.auction-commands}: its place in the log and its broker (LogAppendTime) time. */
    record Command(int partition, long offset, long timestamp, String key, CommandLogEntry value) {
    }

    /** A record of {@code gream.auction-events}. */
    record Event(int partition, long offset, AuctionEvent value) {
    }

    /** A row of the settlement table. */
    record SettlementRow(String auctionId, String state, String winnerId, long price, String paymentKey) {
    }

    /** A row of the ledger. */
    record LedgerLine(String journalId, String entryType, String account, long amount) {
    }

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
