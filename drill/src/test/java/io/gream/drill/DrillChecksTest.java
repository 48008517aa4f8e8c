package io.gream.drill;

import io.gream.audit.Check;
import io.gream.contracts.BidRejected;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DrillChecksTest {

    @Test
    void everyCheckPassesOnAnIntactHistoryWithTheAnswersFirstAndThe500sLast() {
        List<Check> checks = DrillChecks.all(DrillHistory.intact().records());

        assertThat(checks).allSatisfy(check -> assertThat(check.passed()).as(check.line()).isTrue());
        assertThat(checks.get(0).name()).isEqualTo("acknowledged bids have exactly their outcome");
        assertThat(checks.get(checks.size() - 1).name()).isEqualTo("no 500 from any query or bid");
        assertThat(checks).extracting(Check::name).contains("every event equals the replay's");
    }

    @Test
    void anAcknowledgedBidWithTheOtherOutcomeFails() {
        DrillHistory h = DrillHistory.intact();
        DrillRecords.Answer c2 = h.bids.get(1);
        h.bids.set(1, new DrillRecords.Answer(c2.sentMillis(), c2.answeredMillis(), c2.auctionId(), 0, 201, "c2"));

        assertThat(DrillChecks.acknowledgedBidsHaveTheirOutcome(h.records()).passed()).isFalse();
    }

    @Test
    void anAcknowledgedBidWithoutItsEventFails() {
        DrillHistory h = DrillHistory.intact();
        h.events.removeIf(e -> e.value() instanceof BidRejected r && r.commandId().equals("c4"));

        assertThat(DrillChecks.acknowledgedBidsHaveTheirOutcome(h.records()).passed()).isFalse();
    }

    @Test
    void aQueryAnswered500Fails() {
        DrillHistory h = DrillHistory.intact();
        h.queries.add(new DrillRecords.Answer(DrillHistory.millis(6_000), DrillHistory.millis(6_010),
                DrillHistory.AUCTION, 0, 500, null));

        assertThat(DrillChecks.noServerErrors(h.records()).passed()).isFalse();
    }
}
