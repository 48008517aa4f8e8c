package io.gream.perf.drill;

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
 * The invariants of a failover drill (issue 9), each checked on what the cluster left behind and reported as a
 * {@link Check}: nothing lost, nothing done twice, no wrong winner, nobody charged twice, no {@code 500}.
 *
 * <p>Pure: it reads a {@link DrillRecords} and touches no broker or database, so each check is unit-tested on
 * hand-built histories, both intact and broken.
 */
final class Verifier {

    List<Check> verify(DrillRecords records) {
        List<Check> checks = new ArrayList<>();
        checks.add(acknowledgedBidsHaveTheirOutcome(records));
        checks.add(noEventIdTwice(records));
        checks.add(seqGaplessPerAuction(records));
        checks.add(everyDueAuctionClosedOnce(records));
        checks.add(noCloseBeforeEarlierBids(records));
        checks.add(winnersMatchReplay(records));
        checks.add(eventsMatchReplay(records));
        checks.add(oneSettlementPerSoldAuction(records));
        checks.add(oneChargePerSoldAuction(records));
        checks.add(ledgerBalanced(records));
        checks.add(noServerErrors(records));
        return checks;
    }

    /** Every bid answered 201 has exactly one BidAccepted, every one answered 409 exactly one BidRejected. */
    Check acknowledgedBidsHaveTheirOutcome(DrillRecords records) {
        Map<String, List<CommandOutcome>> outcomes = outcomesByCommand(records);
        List<String> violations = new ArrayList<>();
        long acknowledged = 0;
        for (DrillRecords.Answer bid : records.bids()) {
            if (bid.status() != 201 && bid.status() != 409) {
                continue;
            }
            acknowledged++;
            List<CommandOutcome> found = outcomes.getOrDefault(bid.commandId(), List.of());
            boolean accepted = bid.status() == 201;
            if (found.size() != 1) {
                violations.add("%s answered %d has %d outcome events".formatted(bid.commandId(), bid.status(),
                        found.size()));
            } else if (found.get(0).accepted() != accepted) {
                violations.add("%s answered %d but its event is %s".formatted(bid.commandId(), bid.status(),
                        found.get(0).getClass().getSimpleName()));
            }
        }
        long unanswered = records.bids().stream().filter(b -> b.status() != 201 && b.status() != 409).count();
        long unansweredDecidedTwice = records.bids().stream()
                .filter(b -> b.status() != 201 && b.status() != 409 && b.commandId() != null)
                .filter(b -> outcomes.getOrDefault(b.commandId(), List.of()).size() > 1).count();
        if (unansweredDecidedTwice > 0) {
            violations.add(unansweredDecidedTwice + " bids answered 202 have more than one outcome event");
        }
        return Check.of("acknowledged bids have exactly their outcome", violations,
                "%d acknowledged (201/409), %d other answers (202/5xx/none)".formatted(acknowledged, unanswered));
    }

    Check noEventIdTwice(DrillRecords records) {
        List<String> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (DrillRecords.Event event : records.events()) {
            if (!seen.add(event.value().eventId())) {
                violations.add("auction-events eventId twice: " + event.value().eventId());
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
    Check seqGaplessPerAuction(DrillRecords records) {
        Map<String, List<Long>> seqs = new LinkedHashMap<>();
        for (DrillRecords.Event event : inLogOrder(records.events())) {
            if (event.value() instanceof SequencedEvent sequenced) {
                seqs.computeIfAbsent(sequenced.auctionId(), id -> new ArrayList<>()).add(sequenced.seq());
            }
        }
        List<String> violations = new ArrayList<>();
        seqs.forEach((auction, list) -> {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) != i + 1) {
                    violations.add("%s: seq %s".formatted(auction, list.size() > 12
                            ? list.subList(0, 12) + "..." : list));
                    return;
                }
            }
        });
        return Check.of("seq gapless per auction", violations, seqs.size() + " auctions");
    }

    /**
     * Every auction whose deadline has passed by its partition's clock (the last command-log timestamp) closed
     * (or was cancelled) exactly once; none closed twice.
     */
    Check everyDueAuctionClosedOnce(DrillRecords records) {
        Map<String, Long> endsAt = new HashMap<>();
        Map<String, Integer> partitionOf = new HashMap<>();
        Map<String, Integer> ends = new HashMap<>();
        for (DrillRecords.Event event : inLogOrder(records.events())) {
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
        for (DrillRecords.Command command : records.commands()) {
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
    Check noCloseBeforeEarlierBids(DrillRecords records) {
        Map<String, DrillRecords.Event> closes = new HashMap<>();
        Map<String, DrillRecords.Event> outcomeOf = new HashMap<>();
        for (DrillRecords.Event event : records.events()) {
            if (event.value() instanceof AuctionClosed) {
                closes.putIfAbsent(event.value().auctionId(), event);
            }
            if (event.value() instanceof CommandOutcome outcome) {
                outcomeOf.putIfAbsent(outcome.commandId(), event);
            }
        }
        List<String> violations = new ArrayList<>();
        long checked = 0;
        for (DrillRecords.Command command : records.commands()) {
            if (!(command.value() instanceof PlaceBid bid)) {
                continue;
            }
            DrillRecords.Event close = closes.get(bid.auctionId());
            if (close == null || command.timestamp() >= close.value().at().toEpochMilli()) {
                continue;
            }
            checked++;
            DrillRecords.Event outcome = outcomeOf.get(bid.commandId());
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
    Check winnersMatchReplay(DrillRecords records) {
        Map<String, AuctionClosed> replayed = closes(new Replay().run(records.commands()));
        Map<String, AuctionClosed> actual = closes(records.events().stream().map(DrillRecords.Event::value).toList());
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
                violations.add("%s: %s %s %s, replay says %s %s %s".formatted(id, got.outcome(), got.winnerId(),
                        got.price(), expected.outcome(), expected.winnerId(), expected.price()));
            } else if (got.outcome().hasWinner()) {
                sold++;
            }
        }
        return Check.of("winners and prices equal a sequential replay", violations,
                "%d closes compared, %d sold".formatted(ids.size(), sold));
    }

    /** Stronger than winners: every event of every auction equals the replay's, field by field, in order. */
    Check eventsMatchReplay(DrillRecords records) {
        Map<String, List<AuctionEvent>> replayed = byAuction(new Replay().run(records.commands()));
        Map<String, List<AuctionEvent>> actual = byAuction(inLogOrder(records.events()).stream()
                .map(DrillRecords.Event::value).toList());
        List<String> violations = new ArrayList<>();
        Set<String> ids = new TreeSet<>(replayed.keySet());
        ids.addAll(actual.keySet());
        for (String id : ids) {
            List<AuctionEvent> expected = replayed.getOrDefault(id, List.of());
            List<AuctionEvent> got = actual.getOrDefault(id, List.of());
            if (!expected.equals(got)) {
                int at = 0;
                while (at < Math.min(expected.size(), got.size()) && expected.get(at).equals(got.get(at))) {
                    at++;
                }
                violations.add("%s differs at event %d: %s vs replay %s".formatted(id, at,
                        at < got.size() ? got.get(at) : "none", at < expected.size() ? expected.get(at) : "none"));
            }
        }
        return Check.of("every event equals the replay's", violations, ids.size() + " auctions replayed");
    }

    /** One settlement row per sold auction, for its winner and price, and none for any other auction. */
    Check oneSettlementPerSoldAuction(DrillRecords records) {
        Map<String, AuctionClosed> sold = new HashMap<>();
        closes(records.events().stream().map(DrillRecords.Event::value).toList()).forEach((id, closed) -> {
            if (closed.outcome().hasWinner()) {
                sold.put(id, closed);
            }
        });
        Map<String, List<DrillRecords.SettlementRow>> rows = records.settlements().stream()
                .collect(Collectors.groupingBy(DrillRecords.SettlementRow::auctionId));
        List<String> violations = new ArrayList<>();
        for (AuctionClosed closed : sold.values()) {
            List<DrillRecords.SettlementRow> found = rows.getOrDefault(closed.auctionId(), List.of());
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
                .collect(Collectors.groupingBy(DrillRecords.SettlementRow::state, Collectors.counting()));
        return Check.of("exactly one settlement per sold auction", violations,
                "%d sold, settlement rows by state %s".formatted(sold.size(), states));
    }

    /**
     * One charge per sold auction: across the settlement table and every {@code SettlementCompleted} published, an
     * auction has at most one payment key, and a completed row has exactly one.
     */
    Check oneChargePerSoldAuction(DrillRecords records) {
        Map<String, Set<String>> keys = new HashMap<>();
        Map<String, Integer> completedEvents = new HashMap<>();
        for (SettlementEvent event : records.settlementEvents()) {
            if (event instanceof SettlementCompleted completed) {
                keys.computeIfAbsent(completed.auctionId(), id -> new HashSet<>()).add(completed.paymentKey());
                completedEvents.merge(completed.auctionId(), 1, Integer::sum);
            }
        }
        List<String> violations = new ArrayList<>();
        for (DrillRecords.SettlementRow row : records.settlements()) {
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
    Check ledgerBalanced(DrillRecords records) {
        Map<String, Long> sums = new HashMap<>();
        Map<String, Long> buyerLines = new HashMap<>();
        for (DrillRecords.LedgerLine line : records.ledger()) {
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
        for (DrillRecords.SettlementRow row : records.settlements()) {
            if ("COMPLETED".equals(row.state()) && !Long.valueOf(row.price()).equals(buyerLines.get(row.auctionId()))) {
                violations.add(row.auctionId() + " completed at " + row.price() + ", buyer line "
                        + buyerLines.get(row.auctionId()));
            }
        }
        long total = records.ledger().stream().mapToLong(DrillRecords.LedgerLine::amount).sum();
        return Check.of("ledger balanced", violations, "%d journals, %d lines, total %d".formatted(sums.size(),
                records.ledger().size(), total));
    }

    /** No request of the drill, query or bid, was answered {@code 500}. */
    Check noServerErrors(DrillRecords records) {
        List<String> violations = new ArrayList<>();
        Map<Integer, Long> queryStatuses = statuses(records.queries());
        Map<Integer, Long> bidStatuses = statuses(records.bids());
        for (DrillRecords.Answer answer : records.queries()) {
            if (answer.status() == 500) {
                violations.add("query of " + answer.auctionId() + " answered 500 at " + answer.answeredMillis());
            }
        }
        for (DrillRecords.Answer answer : records.bids()) {
            if (answer.status() == 500) {
                violations.add("bid " + answer.commandId() + " on " + answer.auctionId() + " answered 500");
            }
        }
        return Check.of("no 500 from any query or bid", violations,
                "queries by status %s (0 = no answer); bids by status %s".formatted(queryStatuses, bidStatuses));
    }

    private static Map<Integer, Long> statuses(List<DrillRecords.Answer> answers) {
        return answers.stream().collect(Collectors.groupingBy(DrillRecords.Answer::status, java.util.TreeMap::new,
                Collectors.counting()));
    }

    private static Map<String, List<CommandOutcome>> outcomesByCommand(DrillRecords records) {
        Map<String, List<CommandOutcome>> outcomes = new HashMap<>();
        for (DrillRecords.Event event : records.events()) {
            if (event.value() instanceof CommandOutcome outcome && !(outcome instanceof AuctionOpened)) {
                outcomes.computeIfAbsent(outcome.commandId(), id -> new ArrayList<>()).add(outcome);
            }
        }
        return outcomes;
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

    private static List<DrillRecords.Event> inLogOrder(List<DrillRecords.Event> events) {
        List<DrillRecords.Event> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingInt(DrillRecords.Event::partition)
                .thenComparingLong(DrillRecords.Event::offset));
        return sorted;
    }
}
