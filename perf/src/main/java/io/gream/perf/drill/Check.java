package io.gream.perf.drill;

import java.util.List;

/**
 * The verdict on one invariant: its name, whether it held, a one-line summary with the figures, and the first few
 * offending items (so a failure can be chased in the logs).
 */
record Check(String name, boolean passed, String summary, List<String> examples) {

    static Check of(String name, List<String> violations, String summary) {
        return new Check(name, violations.isEmpty(), summary + (violations.isEmpty() ? ""
                : "; " + violations.size() + " violation(s)"), violations.stream().limit(5).toList());
    }

    String line() {
        return "%s  %s: %s%s".formatted(passed ? "PASS" : "FAIL", name, summary,
                examples.isEmpty() ? "" : "\n        e.g. " + String.join("\n        e.g. ", examples));
    }
}
