package io.gream.drill;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.IntPredicate;

/**
 * How long each fault kept users waiting: for every injected fault, the time from the signal until bids were
 * accepted again (a {@code 201} to a bid sent after the fault), decided again (a {@code 201} or a {@code 409}) and
 * queries answered again (a {@code 200} to a query sent after it), taken on the worst-hit partition. Per partition,
 * so the partitions a fault did not touch, which keep answering within milliseconds, do not hide the ones it did.
 * The decided time is there because a bid that is outbid is as much a sign of a working engine as one that wins: at
 * low rates, where a partition sees a bid every few seconds and half of them lose, the accepted time also counts
 * the wait for the next winning bid.
 *
 * @param fault         the fault
 * @param bidMillis     until every partition that got bids after the fault had accepted one again; empty if none did
 * @param decidedMillis until every partition that got bids after the fault had decided one again
 * @param queryMillis   until every partition that got queries after the fault answered one again
 */
record ResumeTimes(DrillRecords.Fault fault, OptionalLong bidMillis, OptionalLong decidedMillis,
                   OptionalLong queryMillis) {

    /** Partitions whose first success after the fault came more than this after it are counted as not resumed. */
    static final long HORIZON_MILLIS = 120_000;

    static List<ResumeTimes> of(DrillRecords records) {
        List<ResumeTimes> times = new ArrayList<>();
        for (DrillRecords.Fault fault : records.faults()) {
            if (fault.action().startsWith("restart") || fault.action().equals("SIGCONT")) {
                continue;
            }
            times.add(new ResumeTimes(fault, worstPartition(records.bids(), fault.atMillis(), s -> s == 201),
                    worstPartition(records.bids(), fault.atMillis(), s -> s == 201 || s == 409),
                    worstPartition(records.queries(), fault.atMillis(), s -> s == 200)));
        }
        return times;
    }

    /**
     * The largest, over partitions with a request sent after {@code at}, of the time from {@code at} to the
     * first successful answer to a request sent at or after {@code at}.
     */
    static OptionalLong worstPartition(List<DrillRecords.Answer> answers, long at, IntPredicate success) {
        Map<Integer, Long> firstSuccess = new HashMap<>();
        Map<Integer, Boolean> tried = new HashMap<>();
        for (DrillRecords.Answer answer : answers) {
            if (answer.sentMillis() < at || answer.sentMillis() > at + HORIZON_MILLIS) {
                continue;
            }
            tried.put(answer.partition(), true);
            if (success.test(answer.status())) {
                firstSuccess.merge(answer.partition(), answer.answeredMillis() - at, Math::min);
            }
        }
        if (tried.isEmpty()) {
            return OptionalLong.empty();
        }
        long worst = 0;
        for (Integer partition : tried.keySet()) {
            Long first = firstSuccess.get(partition);
            if (first == null) {
                return OptionalLong.of(HORIZON_MILLIS);
            }
            worst = Math.max(worst, first);
        }
        return OptionalLong.of(worst);
    }
}
