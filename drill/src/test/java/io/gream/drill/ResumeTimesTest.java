package io.gream.drill;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResumeTimesTest {

    private static DrillRecords.Answer answer(long sent, long answered, int partition, int status) {
        return new DrillRecords.Answer(sent, answered, "a", partition, status, null);
    }

    @Test
    void resumeIsTheWorstHitPartitionsFirstSuccessAfterTheFault() {
        List<DrillRecords.Answer> answers = List.of(
                answer(900, 950, 0, 201),        // before the fault: ignored
                answer(1_000, 1_040, 0, 201),    // partition 0 untouched: 40 ms
                answer(1_100, 3_100, 1, 202),    // partition 1 stalled...
                answer(4_000, 8_500, 1, 201));   // ...until 7.5 s after the fault

        assertThat(ResumeTimes.worstPartition(answers, 1_000, s -> s == 201)).hasValue(7_500);
    }

    @Test
    void aPartitionThatNeverRecoveredCountsAsTheHorizon() {
        List<DrillRecords.Answer> answers = List.of(answer(1_000, 1_040, 0, 201), answer(1_100, 3_100, 1, 0));

        assertThat(ResumeTimes.worstPartition(answers, 1_000, s -> s == 201)).hasValue(ResumeTimes.HORIZON_MILLIS);
    }

    @Test
    void restartsAndResumesAreNotFaults() {
        DrillHistory h = DrillHistory.intact();
        h.faults.add(new DrillRecords.Fault(DrillHistory.millis(1_500), "kill -9", "bid-engine-1"));
        h.faults.add(new DrillRecords.Fault(DrillHistory.millis(1_600), "restart", "bid-engine-1"));
        h.faults.add(new DrillRecords.Fault(DrillHistory.millis(1_700), "SIGCONT", "bid-engine-2"));

        List<ResumeTimes> times = ResumeTimes.of(h.records());

        assertThat(times).hasSize(1);
        assertThat(times.get(0).bidMillis()).hasValue(2_000 + 20 - 1_500); // c1 at 2.0 s is the first 201 after
    }

    @Test
    void anOutbidAnswerCountsAsDecidedButNotAsAccepted() {
        DrillHistory h = DrillHistory.intact();
        h.faults.add(new DrillRecords.Fault(DrillHistory.millis(2_500), "kill -9", "bid-engine-1"));

        ResumeTimes times = ResumeTimes.of(h.records()).get(0);

        assertThat(times.decidedMillis()).hasValue(3_000 + 20 - 2_500); // c2 at 3.0 s, outbid (409)
        assertThat(times.bidMillis()).hasValue(4_000 + 20 - 2_500);     // c3 at 4.0 s, the first 201
    }
}
