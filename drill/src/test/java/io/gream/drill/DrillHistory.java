package io.gream.drill;

import io.gream.audit.LogRecords;
import io.gream.audit.Replay;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.CommandLogEntry;
import io.gream.contracts.Item;
import io.gream.contracts.OpenAuction;
import io.gream.contracts.PlaceBid;
import io.gream.contracts.Tick;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A small, intact drill history built by hand: one auction on partition 0 opened, bid on (accepted at 2 s, too low
 * at 3 s, accepted at 4 s), closed by a tick after its deadline, a late bid rejected as closed, each bid answered as
 * decided, and one query. The events are what the engine's decider emits for these commands (the audit's replay);
 * tests break one thing at a time. Settlements are the audit's to check, so there are none here.
 */
final class DrillHistory {

    static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    static final String AUCTION = "a1";

    final List<LogRecords.Command> commands = new ArrayList<>();
    final List<LogRecords.Event> events = new ArrayList<>();
    final List<DrillRecords.Answer> bids = new ArrayList<>();
    final List<DrillRecords.Answer> queries = new ArrayList<>();
    final List<DrillRecords.Fault> faults = new ArrayList<>();

    static DrillHistory intact() {
        DrillHistory h = new DrillHistory();
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
        h.bid("c1", 201, 2_000);
        h.bid("c2", 409, 3_000);
        h.bid("c3", 201, 4_000);
        h.bid("c4", 409, 12_000);
        h.queries.add(new DrillRecords.Answer(millis(5_000), millis(5_010), AUCTION, 0, 200, null));
        return h;
    }

    DrillRecords records() {
        return new DrillRecords(new LogRecords(commands, events, List.of(), List.of(), List.of(), false), bids,
                queries, faults);
    }

    static long millis(long offset) {
        return T0.toEpochMilli() + offset;
    }

    private void command(long at, CommandLogEntry entry) {
        String key = entry instanceof io.gream.contracts.AuctionCommand c ? c.auctionId() : "tick";
        commands.add(new LogRecords.Command(0, commands.size(), millis(at), key, entry));
    }

    private void bid(String commandId, int status, long at) {
        bids.add(new DrillRecords.Answer(millis(at), millis(at + 20), AUCTION, 0, status, commandId));
    }
}
