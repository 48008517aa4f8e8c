package io.gream.audit;

import io.gream.contracts.AuctionEvent;
import io.gream.contracts.CommandLogEntry;
import io.gream.contracts.Item;
import io.gream.contracts.OpenAuction;
import io.gream.contracts.PlaceBid;
import io.gream.contracts.SettlementCompleted;
import io.gream.contracts.SettlementEvent;
import io.gream.contracts.Tick;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A small, intact auction log built by hand: one auction on partition 0 opened, bid on (accepted, too low,
 * accepted), closed by a tick after its deadline (sold to bidder b2 at 1,100), a late bid rejected as closed, then
 * settled and journaled. The events are what the engine's decider emits for these commands; tests break one thing
 * at a time and expect exactly the matching check to fail.
 */
final class LogHistory {

    static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    static final String AUCTION = "a1";

    final List<LogRecords.Command> commands = new ArrayList<>();
    final List<LogRecords.Event> events = new ArrayList<>();
    final List<SettlementEvent> settlementEvents = new ArrayList<>();
    final List<LogRecords.SettlementRow> settlements = new ArrayList<>();
    final List<LogRecords.LedgerLine> ledger = new ArrayList<>();

    static LogHistory intact() {
        LogHistory h = new LogHistory();
        h.command(1_000, new OpenAuction("open-1", AUCTION, "s1", new Item("Drill", "Voucher", 10_000,
                LocalDate.of(2031, 1, 1)), 1_000, 100, null, null, T0.plusMillis(10_000), 0));
        h.command(2_000, new PlaceBid("c1", AUCTION, "b1", 1_000));
        h.command(3_000, new PlaceBid("c2", AUCTION, "b2", 1_050));
        h.command(4_000, new PlaceBid("c3", AUCTION, "b2", 1_100));
        h.command(11_000, new Tick(0));
        h.command(12_000, new PlaceBid("c4", AUCTION, "b1", 1_300));
        long offset = 0;
        for (AuctionEvent event : new Replay().run(h.commands)) {
            h.events.add(new LogRecords.Event(0, offset++, event));
        }
        h.settlements.add(new LogRecords.SettlementRow(AUCTION, "COMPLETED", "b2", 1_100, "sim-1"));
        h.settlementEvents.add(new SettlementCompleted("a1:settlement", AUCTION, T0.plusMillis(13_000), "a1:3",
                "b2", "s1", 1_100, 110, 990, "KRW", "sim-1"));
        h.ledger.add(new LogRecords.LedgerLine(AUCTION, "BUYER_PAYMENT", "buyer:b2", 1_100));
        h.ledger.add(new LogRecords.LedgerLine(AUCTION, "SELLER_PROCEEDS", "seller:s1", -990));
        h.ledger.add(new LogRecords.LedgerLine(AUCTION, "PLATFORM_FEE", "platform:fees", -110));
        return h;
    }

    LogRecords records() {
        return new LogRecords(commands, events, settlementEvents, settlements, ledger, true);
    }

    static long millis(long offset) {
        return T0.toEpochMilli() + offset;
    }

    private void command(long at, CommandLogEntry entry) {
        String key = entry instanceof io.gream.contracts.AuctionCommand c ? c.auctionId() : "tick";
        commands.add(new LogRecords.Command(0, commands.size(), millis(at), key, entry));
    }
}
