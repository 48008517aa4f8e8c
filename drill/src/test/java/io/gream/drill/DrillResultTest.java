package io.gream.drill;

import io.gream.audit.LogRecords;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class DrillResultTest {

    private static final long T = DrillHistory.T0.toEpochMilli();
    private static final LogRecords EMPTY_LOG = new LogRecords(List.of(), List.of(), List.of(), List.of(), List.of(),
            true);

    @Test
    void aPartitionThatDidNotResumeWithinTheHorizonIsReportedBeyondItNotAtIt() {
        DrillRecords.Fault first = new DrillRecords.Fault(T + 1_000, "kill -9", "bid-engine-1");
        DrillRecords.Fault second = new DrillRecords.Fault(T + 60_000, "kill -9", "bid-engine-2");
        DrillRecords records = new DrillRecords(EMPTY_LOG, List.of(new DrillRecords.Answer(T, T + 40, "a1", 0, 201,
                "c1")), List.of(), List.of(first, second));
        DrillResult result = new DrillResult(List.of(), List.of(
                new ResumeTimes(first, OptionalLong.of(18_700), OptionalLong.of(9_100), OptionalLong.of(2_000)),
                new ResumeTimes(second, OptionalLong.of(ResumeTimes.HORIZON_MILLIS),
                        OptionalLong.of(ResumeTimes.HORIZON_MILLIS), OptionalLong.of(2_500))),
                records);

        String report = result.markdown("drill");

        assertThat(report).contains(
                "| kill -9 bid-engine | 2 | 18.7 / > 120 / > 120 s | 9.1 / > 120 / > 120 s | 2.0 / 2.5 / 2.5 s |");
        assertThat(report).contains("| 60.0 | kill -9 | bid-engine-2 | > 120 s | > 120 s | 2.5 s |");
    }

    @Test
    void theTargetIsJudgedByTheFirstAcceptedAndByTheFirstDecidedBid() {
        DrillRecords.Fault fault = new DrillRecords.Fault(T + 1_000, "kill -9", "bid-engine-1");
        DrillRecords records = new DrillRecords(EMPTY_LOG, List.of(), List.of(), List.of(fault));
        DrillResult result = new DrillResult(List.of(), List.of(
                new ResumeTimes(fault, OptionalLong.of(18_700), OptionalLong.of(9_100), OptionalLong.of(2_000))),
                records);

        assertThat(result.markdown("drill")).contains("within 15 s of any single kill: **missed** by the first "
                + "accepted bid, met by the first decided bid.");
    }
}
