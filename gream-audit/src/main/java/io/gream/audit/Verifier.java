package io.gream.audit;

import io.gream.contracts.AuctionCancelled;
import io.gream.contracts.AuctionClosed;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.AuctionOpened;
import io.gream.contracts.BidRejected;
import io.gream.contracts.CommandOutcome;
import io.gream.contracts.PlaceBid;
import io.gream.contracts.RejectionReason;
import io.gream.contracts.SequencedEvent;
import io.gream.contracts.SettlementCompleted;
import io.gream.contracts.SettlementEvent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The invariants of an auction log, each checked on what the cluster wrote and reported as a {@link Check}: every
 * decision equals a sequential replay of the command log through the engine's own rules, seq is gapless, every due
 * auction closed exactly once and never over an earlier bid, every sold auction settled and charged once, for its
 * winner and price, in balanced journals.
 *
 * <p>Pure: it reads a {@link LogRecords} and touches no broker or database, so each check is unit-tested on
 * hand-built histories, both intact and broken. It proves the log, not the answers clients were given: a tool that
 * recorded them (the failover drill) checks those itself.
 */
public final class Verifier {

    /** Every check, in the order a reader chases a failure; the database checks only when it was read. */
    public List<Check> verify(LogRecords records) {
        List<Check> checks = new ArrayList<>();
        checks.add(noEventIdTwice(records));
        checks.add(seqGaplessPerAuction(records));
        checks.add(everyDueAuctionClosedOnce(records));
        checks.add(noCloseBeforeEarlierBids(records));
        checks.add(winnersMatchReplay(records));
        checks.add(eventsMatchReplay(records));
        if (records.databaseRead()) {
            checks.add(oneSettlementPerSoldAuction(records));
        }
        checks.add(oneChargePerSoldAuction(records));
        if (records.databaseRead()) {
            checks.add(ledgerBalanced(records));
        }
        return checks;
    }

    Check noEventIdTwice(LogRecords records) {
        List<String> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (LogRecords.Event event : inLogOrder(records.events())) {
            if (!seen.add(event.value().eventId())) {
                violations.add("auction-events eventId %s twice, again at %s".formatted(event.value().eventId(),
                        event.position()));
            }
        }
        // The settlement contract allows a repeat after a crash between publish and offset commit, never with other
        // content (SettlementEvent's Javadoc): a repeat is counted, a different one is a violation.
        Map<String, SettlementEvent> settled = new HashMap<>();
        int repeats = 0;
        for (SettlementEvent event : records.settlementEvents()) {
            SettlementEvent earlier = settled.putIfAbsent(event.eventId(), event);
            if (earlier != null && !earlier.equals(event)) {
                violations.add("settlement-events eventId twice with different content: " + event.eventId());
            } else if (earlier != null) {
                repeats++;
            }
        }
        return Check.of("no eventId twice", violations,
                "%d auction events, %d settlement events (%d identical repeats, allowed by the contract)"
                .formatted(records.events().size(), records.settlementEvents().size(), repeats));
    }

    /** Per auction, in log order, seq runs 1, 2, 3, ... with no gap and no repeat. */
    Check seqGaplessPerAuction(LogRecords records) {
        Map<String, Long> lastSeq = new LinkedHashMap<>();
        Set<String> broken = new HashSet<>();
        List<String> violations = new ArrayList<>();
        for (LogRecords.Event event : inLogOrder(records.events())) {
            if (event.value() instanceof SequencedEvent sequenced && !broken.contains(sequenced.auctionId())) {
                long expected = lastSeq.getOrDefault(sequenced.auctionId(), 0L) + 1;
                lastSeq.put(sequenced.auctionId(), sequenced.seq());
                if (sequenced.seq() != expected) {
                    broken.add(sequenced.auctionId());
                    violations.add("%s at %s: seq %d, expected %d".formatted(sequenced.auctionId(), event.position(),
                            sequenced.seq(), expected));
                }
            }
        }
        return Check.of("seq gapless per auction", violations, lastSeq.size() + " auctions");
    }

    /**
     * Every auction whose deadline has passed by its partition's clock (the last command-log timestamp) closed
     * (or was cancelled) exactly once; none closed twice.
     */
    Check everyDueAuctionClosedOnce(LogRecords records) {
        Map<String, Long> endsAt = new HashMap<>();
        Map<String, Integer> partitionOf = new HashMap<>();
        Map<String, Integer> ends = new HashMap<>();
        for (LogRecords.Event event : inLogOrder(records.events())) {
            AuctionEvent value = event.value();
            if (value instanceof AuctionOpened opened) {
                endsAt.put(opened.auctionId(), opened.endsAt().toEpochMilli());
                partitionOf.put(opened.auctionId(), event.partition());
            } else if (value instanceof io.gream.contracts.AuctionExtended extended) {
                endsAt.put(extended.auctionId(), extended.endsAt().toEpochMilli());
            } else if (value instanceof AuctionClosed || value instanceof AuctionCancelled) {
                ends.merge(value.auctionId(), 1, Integer::sum);
            }
        }
        Map<Integer, Long> clocks = new HashMap<>();
        for (LogRecords.Command command : records.commands()) {
            clocks.merge(command.partition(), command.timestamp(), Math::max);
        }
        List<String> violations = new ArrayList<>();
        long due = 0;
        long stillOpen = 0;
        for (Map.Entry<String, Long> auction : endsAt.entrySet()) {
            int count = ends.getOrDefault(auction.getKey(), 0);
            long clock = clocks.getOrDefault(partitionOf.get(auction.getKey()), Long.MIN_VALUE);
            boolean isDue = auction.getValue() <= clock;
            if (isDue) {
                due++;
            } else if (count == 0) {
                stillOpen++;
            }
            if (count > 1 || (isDue && count != 1)) {
                violations.add("%s ended %d times (deadline %s, partition clock %s)".formatted(auction.getKey(),
                        count, java.time.Instant.ofEpochMilli(auction.getValue()),
                        java.time.Instant.ofEpochMilli(clock)));
            }
        }
        return Check.of("every due auction closed exactly once", violations,
                "%d opened, %d due and ended, %d not yet due".formatted(endsAt.size(), due, stillOpen));
    }

    /**
     * No auction closed while a bid appended before its deadline was undecided: every such bid is decided before
     * the close in the event log, and never rejected as {@code AUCTION_CLOSED}.
     */
    Check noCloseBeforeEarlierBids(LogRecords records) {
        Map<String, LogRecords.Event> closes = new HashMap<>();
        Map<String, LogRecords.Event> outcomeOf = new HashMap<>();
        for (LogRecords.Event event : records.events()) {
            if (event.value() instanceof AuctionClosed) {
                closes.putIfAbsent(event.value().auctionId(), event);
            }
            if (event.value() instanceof CommandOutcome outcome) {
                outcomeOf.putIfAbsent(outcome.commandId(), event);
            }
        }
        List<String> violations = new ArrayList<>();
        long checked = 0;
        for (LogRecords.Command command : records.commands()) {
            if (!(command.value() instanceof PlaceBid bid)) {
                continue;
            }
            LogRecords.Event close = closes.get(bid.auctionId());
            if (close == null || command.timestamp() >= close.value().at().toEpochMilli()) {
                continue;
            }
            checked++;
            LogRecords.Event outcome = outcomeOf.get(bid.commandId());
            if (outcome == null) {
                violations.add(bid.commandId() + " appended before the close of " + bid.auctionId() + " has no outcome");
            } else if (outcome.partition() == close.partition() && outcome.offset() > close.offset()) {
                violations.add(bid.commandId() + " appended before the close of " + bid.auctionId()
                        + " was decided after it");
            } else if (outcome.value() instanceof BidRejected rejected
                    && rejected.reason() == RejectionReason.AUCTION_CLOSED) {
                violations.add(bid.commandId() + " appended before the deadline was rejected AUCTION_CLOSED");
            }
        }
        return Check.of("no auction closed while earlier bids were pending", violations,
                checked + " bids appended before their auction's close");
    }

    /** The outcome, winner and price of every close equal those of a sequential replay of the command log. */
    Check winnersMatchReplay(LogRecords records) {
        Map<String, AuctionClosed> replayed = closes(new Replay().run(records.commands()));
        Map<String, AuctionClosed> actual = closes(records.events().stream().map(LogRecords.Event::value).toList());
        List<String> violations = new ArrayList<>();
        Set<String> ids = new TreeSet<>(replayed.keySet());
        ids.addAll(actual.keySet());
        long sold = 0;
        for (String id : ids) {
            AuctionClosed expected = replayed.get(id);
            AuctionClosed got = actual.get(id);
            if (expected == null || got == null) {
                violations.add(id + (expected == null ? " closed but the replay leaves it open"
                        : " closed in the replay but not in the log"));
            } else if (expected.outcome() != got.outcome() || !Objects.equals(expected.winnerId(), got.winnerId())
                    || !Objects.equals(expected.price(), got.price())) {
                violations.add("%s closed at seq %d: found %s to %s at %s, replay expects %s to %s at %s".formatted(id,
                        got.seq(), got.outcome(), got.winnerId(), got.price(), expected.outcome(), expected.winnerId(),
                        expected.price()));
            } else if (got.outcome().hasWinner()) {
                sold++;
            }
        }
        return Check.of("winners and prices equal a sequential replay", violations,
                "%d closes compared, %d sold".formatted(ids.size(), sold));
    }

    /**
     * Stronger than winners: every event of every auction equals the replay's, field by field, in order. A
     * difference names the auction, the event's seq and place in the log, what was found and what the replay expects.
     */
    Check eventsMatchReplay(LogRecords records) {
        Map<String, List<AuctionEvent>> replayed = byAuction(new Replay().run(records.commands()));
        Map<String, List<LogRecords.Event>> actual = new HashMap<>();
        for (LogRecords.Event event : inLogOrder(records.events())) {
            actual.computeIfAbsent(event.value().auctionId(), id -> new ArrayList<>()).add(event);
        }
        List<String> violations = new ArrayList<>();
        Set<String> ids = new TreeSet<>(replayed.keySet());
        ids.addAll(actual.keySet());
        for (String id : ids) {
            List<AuctionEvent> expected = replayed.getOrDefault(id, List.of());
            List<LogRecords.Event> got = actual.getOrDefault(id, List.of());
            int at = 0;
            while (at < Math.min(expected.size(), got.size()) && expected.get(at).equals(got.get(at).value())) {
                at++;
            }
            if (at < expected.size() || at < got.size()) {
                String where = at < got.size() ? seqOf(got.get(at).value()) + " at " + got.get(at).position()
                        : "after its last event";
                violations.add("%s event %d (%s): found %s, replay expects %s".formatted(id, at + 1, where,
                        at < got.size() ? got.get(at).value() : "none", at < expected.size() ? expected.get(at) : "none"));
            }
        }
        return Check.of("every event equals the replay's", violations, ids.size() + " auctions replayed");
    }

    /** One settlement row per sold auction, for its winner and price, and none for any other auction. */
    Check oneSettlementPerSoldAuction(LogRecords records) {
        Map<String, AuctionClosed> sold = new HashMap<>();
        closes(records.events().stream().map(LogRecords.Event::value).toList()).forEach((id, closed) -> {
            if (closed.outcome().hasWinner()) {
                sold.put(id, closed);
            }
        });
        Map<String, List<LogRecords.SettlementRow>> rows = records.settlements().stream()
                .collect(Collectors.groupingBy(LogRecords.SettlementRow::auctionId));
        List<String> violations = new ArrayList<>();
        for (AuctionClosed closed : sold.values()) {
            List<LogRecords.SettlementRow> found = rows.getOrDefault(closed.auctionId(), List.of());
            if (found.size() != 1) {
                violations.add(closed.auctionId() + " sold, " + found.size() + " settlement rows");
            } else if (!found.get(0).winnerId().equals(closed.winnerId())
                    || found.get(0).price() != closed.price()) {
                violations.add(closed.auctionId() + " settled for " + found.get(0).winnerId() + " at "
                        + found.get(0).price() + ", sold to " + closed.winnerId() + " at " + closed.price());
            } else if (!"COMPLETED".equals(found.get(0).state()) && !"FAILED".equals(found.get(0).state())) {
                violations.add(closed.auctionId() + " settlement still " + found.get(0).state());
            }
        }
        rows.keySet().stream().filter(id -> !sold.containsKey(id))
                .forEach(id -> violations.add(id + " settled but not sold"));
        Map<String, Long> states = records.settlements().stream()
                .collect(Collectors.groupingBy(LogRecords.SettlementRow::state, Collectors.counting()));
        return Check.of("exactly one settlement per sold auction", violations,
                "%d sold, settlement rows by state %s".formatted(sold.size(), states));
    }

    /**
     * One charge per sold auction: every {@code SettlementCompleted} charges the close's winner its price; across the
     * settlement table and every completion published, an auction has at most one payment key, and a completed row
     * has exactly one.
     */
    Check oneChargePerSoldAuction(LogRecords records) {
        Map<String, Set<String>> keys = new HashMap<>();
        Map<String, Integer> completedEvents = new HashMap<>();
        for (SettlementEvent event : records.settlementEvents()) {
            if (event instanceof SettlementCompleted completed) {
                keys.computeIfAbsent(completed.auctionId(), id -> new HashSet<>()).add(completed.paymentKey());
                completedEvents.merge(completed.auctionId(), 1, Integer::sum);
            }
        }
        List<String> violations = new ArrayList<>();
        Map<String, AuctionClosed> closes = closes(records.events().stream().map(LogRecords.Event::value).toList());
        for (SettlementEvent event : records.settlementEvents()) {
            AuctionClosed close = closes.get(event.auctionId());
            if (event instanceof SettlementCompleted completed && (close == null || !close.outcome().hasWinner()
                    || !completed.winnerId().equals(close.winnerId()) || completed.price() != close.price())) {
                violations.add("%s charged %s %d, but %s".formatted(completed.auctionId(), completed.winnerId(),
                        completed.price(), close == null ? "it never closed" : "it closed " + close.outcome()
                                + " to " + close.winnerId() + " at " + close.price()));
            }
        }
        for (LogRecords.SettlementRow row : records.settlements()) {
            if ("COMPLETED".equals(row.state())) {
                if (row.paymentKey() == null) {
                    violations.add(row.auctionId() + " completed without a payment key");
                }
                keys.computeIfAbsent(row.auctionId(), id -> new HashSet<>()).add(row.paymentKey());
                if (!completedEvents.containsKey(row.auctionId())) {
                    violations.add(row.auctionId() + " completed but no SettlementCompleted published");
                }
            }
        }
        keys.forEach((id, set) -> {
            if (set.size() > 1) {
                violations.add(id + " charged under " + set.size() + " payment keys " + set);
            }
        });
        long republished = completedEvents.values().stream().filter(n -> n > 1).count();
        return Check.of("one charge per sold auction", violations,
                "%d auctions charged; %d with the completion republished (same payment key)".formatted(keys.size(),
                        republished));
    }

    /** Every journal sums to zero and the buyer's line is the price of its settlement. */
    Check ledgerBalanced(LogRecords records) {
        Map<String, Long> sums = new HashMap<>();
        Map<String, Long> buyerLines = new HashMap<>();
        for (LogRecords.LedgerLine line : records.ledger()) {
            sums.merge(line.journalId(), line.amount(), Long::sum);
            if ("BUYER_PAYMENT".equals(line.entryType())) {
                buyerLines.merge(line.journalId(), line.amount(), Long::sum);
            }
        }
        List<String> violations = new ArrayList<>();
        sums.forEach((journal, sum) -> {
            if (sum != 0) {
                violations.add("journal " + journal + " sums to " + sum);
            }
        });
        for (LogRecords.SettlementRow row : records.settlements()) {
            if ("COMPLETED".equals(row.state()) && !Long.valueOf(row.price()).equals(buyerLines.get(row.auctionId()))) {
                violations.add(row.auctionId() + " completed at " + row.price() + ", buyer line "
                        + buyerLines.get(row.auctionId()));
            }
        }
        long total = records.ledger().stream().mapToLong(LogRecords.LedgerLine::amount).sum();
        return Check.of("ledger balanced", violations, "%d journals, %d lines, total %d".formatted(sums.size(),
                records.ledger().size(), total));
    }

    private static String seqOf(AuctionEvent event) {
        return event instanceof SequencedEvent sequenced ? "seq " + sequenced.seq() : "no seq";
    }

    private static Map<String, AuctionClosed> closes(List<AuctionEvent> events) {
        Map<String, AuctionClosed> closes = new HashMap<>();
        for (AuctionEvent event : events) {
            if (event instanceof AuctionClosed closed) {
                closes.putIfAbsent(closed.auctionId(), closed);
            }
        }
        return closes;
    }

    private static Map<String, List<AuctionEvent>> byAuction(List<AuctionEvent> events) {
        Map<String, List<AuctionEvent>> byAuction = new HashMap<>();
        for (AuctionEvent event : events) {
            byAuction.computeIfAbsent(event.auctionId(), id -> new ArrayList<>()).add(event);
        }
        return byAuction;
    }

    private static List<LogRecords.Event> inLogOrder(List<LogRecords.Event> events) {
        List<LogRecords.Event> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingInt(LogRecords.Event::partition)
                .thenComparingLong(LogRecords.Event::offset));
        return sorted;
    }
}
