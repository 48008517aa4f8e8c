package io.gream.audit;

import io.gream.contracts.AuctionCommand;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.CommandOutcome;
import io.gream.engine.auction.Auction;
import io.gream.engine.auction.AuctionRules;
import io.gream.engine.auction.Decision;
import io.gream.engine.auction.RuleLimits;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Decides {@code gream.auction-commands} again, one partition at a time in log order, with the engine's own decider
 * ({@link AuctionRules}) and the engine's notion of time: a partition's clock is the highest broker timestamp read
 * from it so far, and before each record (a {@link io.gream.contracts.Tick} only moves the clock) every auction
 * whose deadline is at or before the clock closes, in deadline order. That is what the bid-engine's
 * {@code AuctionCommandProcessor} does, so the events of a correct engine, however often it was killed, are exactly
 * the events of this sequential replay.
 *
 * <p>It keeps every decided command id for the whole log: it leaves out the purge a retention period (24 h) after
 * close, so a retry later than that is judged a repeat here while the engine decides it again.
 */
public final class Replay {

    private final AuctionRules rules = new AuctionRules(RuleLimits.DEFAULT);

    /** The events a sequential engine emits for these commands, in emission order per partition. */
    public List<AuctionEvent> run(List<LogRecords.Command> commands) {
        Map<Integer, List<LogRecords.Command>> byPartition = new HashMap<>();
        for (LogRecords.Command command : commands) {
            byPartition.computeIfAbsent(command.partition(), p -> new ArrayList<>()).add(command);
        }
        List<AuctionEvent> events = new ArrayList<>();
        for (List<LogRecords.Command> partition : byPartition.values()) {
            partition.sort(Comparator.comparingLong(LogRecords.Command::offset));
            new PartitionReplay(rules, events).run(partition);
        }
        return events;
    }

    private static final class PartitionReplay {

        private record Due(long atMillis, String auctionId) implements Comparable<Due> {
            @Override
            public int compareTo(Due other) {
                int byTime = Long.compare(atMillis, other.atMillis);
                return byTime != 0 ? byTime : auctionId.compareTo(other.auctionId);
            }
        }

        private final AuctionRules rules;
        private final List<AuctionEvent> out;
        private final Map<String, Auction> auctions = new HashMap<>();
        private final Map<String, CommandOutcome> decided = new HashMap<>();
        private final TreeSet<Due> deadlines = new TreeSet<>();
        private long clock = Long.MIN_VALUE;

        PartitionReplay(AuctionRules rules, List<AuctionEvent> out) {
            this.rules = rules;
            this.out = out;
        }

        void run(List<LogRecords.Command> records) {
            for (LogRecords.Command record : records) {
                if (record.value() instanceof AuctionCommand command && !command.auctionId().equals(record.key())) {
                    continue; // misrouted: the engine dead-letters it
                }
                clock = Math.max(clock, record.timestamp());
                Instant now = Instant.ofEpochMilli(clock);
                closeDue(now);
                if (record.value() instanceof AuctionCommand command) {
                    decide(command, now);
                }
            }
        }

        private void closeDue(Instant now) {
            while (!deadlines.isEmpty() && deadlines.first().atMillis() <= now.toEpochMilli()) {
                Due due = deadlines.pollFirst();
                Auction auction = auctions.get(due.auctionId());
                rules.closeIfDue(auction, now).ifPresent(closed -> apply(Optional.of(auction), List.of(closed)));
            }
        }

        private void decide(AuctionCommand command, Instant now) {
            Optional<Auction> state = Optional.ofNullable(auctions.get(command.auctionId()));
            String key = command.auctionId() + '\u0000' + command.commandId();
            Decision decision = rules.decide(state, command, now, Optional.ofNullable(decided.get(key)));
            if (decision.repeat()) {
                return;
            }
            apply(state, decision.events());
            decided.put(key, decision.outcome());
        }

        private void apply(Optional<Auction> before, List<AuctionEvent> events) {
            Optional<Auction> after = before;
            for (AuctionEvent event : events) {
                after = rules.evolve(after, event);
            }
            if (after.isPresent() && !after.equals(before)) {
                Auction now = after.get();
                before.filter(Auction.Open.class::isInstance)
                        .ifPresent(b -> deadlines.remove(new Due(b.endsAt().toEpochMilli(), b.auctionId())));
                if (now instanceof Auction.Open open) {
                    deadlines.add(new Due(open.endsAt().toEpochMilli(), open.auctionId()));
                }
                auctions.put(now.auctionId(), now);
            }
            out.addAll(events);
        }
    }
}
