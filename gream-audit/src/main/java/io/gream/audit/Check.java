package io.gream.audit;

import java.util.List;

/**
 * The verdict on one invariant: its name, whether it held, a one-line summary with the figures, and the first few
 * offending items in log order, the first of which is where the log first differs from what it should be.
 */
public record Check(String name, boolean passed, String summary, List<String> examples) {

    public static Check of(String name, List<String> violations, String summary) {
        return new Check(name, violations.isEmpty(), summary + (violations.isEmpty() ? ""
                : "; " + violations.size() + " violation(s)"), violations.stream().limit(5).toList());
    }

    public String line() {
        return "%s  %s: %s%s".formatted(passed ? "PASS" : "FAIL", name, summary,
                examples.isEmpty() ? "" : "\n        e.g. " + String.join("\n        e.g. ", examples));
    }

    /** The first violation of the first failed check, named with its check; empty when every check passed. */
    public static java.util.Optional<String> firstDifference(List<Check> checks) {
        return checks.stream().filter(c -> !c.passed() && !c.examples().isEmpty()).findFirst()
                .map(c -> c.name() + ": " + c.examples().get(0));
    }
}
