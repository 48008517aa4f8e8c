package io.gream.drill;

import io.gream.audit.Check;
import io.gream.audit.LogRecords;
import io.gream.audit.Verifier;
import io.gream.contracts.AuctionOpened;
import io.gream.contracts.CommandOutcome;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The invariants of a failover drill: the audit's, on the log the cluster left behind, and two on what the drill's
 * clients were answered, which the log alone cannot prove: every acknowledged bid has exactly its outcome, and no
 * request was answered {@code 500}.
 */
final class DrillChecks {

    private DrillChecks() {
    }

    /** Every check, numbered as {@code docs/reliability.md} cites them: the answers first, the 500s last. */
    static List<Check> all(DrillRecords records) {
        List<Check> checks = new ArrayList<>();
        checks.add(acknowledgedBidsHaveTheirOutcome(records));
        checks.addAll(new Verifier().verify(records.log()));
        checks.add(noServerErrors(records));
        return checks;
    }

    /** Every bid answered 201 has exactly one BidAccepted, every one answered 409 exactly one BidRejected. */
    static Check acknowledgedBidsHaveTheirOutcome(DrillRecords records) {
        Map<String, List<CommandOutcome>> outcomes = outcomesByCommand(records.log());
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

    /** No request of the drill, query or bid, was answered {@code 500}. */
    static Check noServerErrors(DrillRecords records) {
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

    private static Map<String, List<CommandOutcome>> outcomesByCommand(LogRecords records) {
        Map<String, List<CommandOutcome>> outcomes = new HashMap<>();
        for (LogRecords.Event event : records.events()) {
            if (event.value() instanceof CommandOutcome outcome && !(outcome instanceof AuctionOpened)) {
                outcomes.computeIfAbsent(outcome.commandId(), id -> new ArrayList<>()).add(outcome);
            }
        }
        return outcomes;
    }
}
