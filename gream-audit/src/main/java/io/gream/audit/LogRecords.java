package io.gream.audit;

import io.gream.contracts.AuctionEvent;
import io.gream.contracts.CommandLogEntry;
import io.gream.contracts.SettlementEvent;

import java.util.List;

/**
 * Everything the audit reads: the three topics (with {@code read_committed}) and, when a database was given, the
 * settlement table and the ledger. Plain records, so the checks run as well on hand-built lists in unit tests as on
 * a real cluster's history.
 *
 * @param databaseRead whether {@code settlements} and {@code ledger} were read; without them the checks that need
 *                     them are left out rather than passed
 */
public record LogRecords(List<Command> commands, List<Event> events, List<SettlementEvent> settlementEvents,
                         List<SettlementRow> settlements, List<LedgerLine> ledger, boolean databaseRead) {

    /** A record of {@code gream.auction-commands}: its place in the log and its broker (LogAppendTime) time. */
    public record Command(int partition, long offset, long timestamp, String key, CommandLogEntry value) {
    }

    /** A record of {@code gream.auction-events}. */
    public record Event(int partition, long offset, AuctionEvent value) {

        String position() {
            return "partition %d offset %d".formatted(partition, offset);
        }
    }

    /** A row of the settlement table. */
    public record SettlementRow(String auctionId, String state, String winnerId, long price, String paymentKey) {
    }

    /** A row of the ledger. */
    public record LedgerLine(String journalId, String entryType, String account, long amount) {
    }
}
