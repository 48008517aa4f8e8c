package io.gream.analytics.tap;

import io.gream.analytics.tap.EventSequence.Verdict;
import io.gream.contracts.AuctionCancelled;
import io.gream.contracts.BidRaisedByProxy;
import io.gream.contracts.BidRejected;
import io.gream.contracts.RejectionReason;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EventSequenceTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private final EventSequence sequence = new EventSequence(100);

    @Test
    void eventsInSeqOrderAreNew() {
        assertThat(sequence.observe(sequenced("a-1", 1))).isEqualTo(Verdict.NEW);
        assertThat(sequence.observe(sequenced("a-1", 2))).isEqualTo(Verdict.NEW);
        assertThat(sequence.observe(sequenced("a-1", 3))).isEqualTo(Verdict.NEW);
    }

    @Test
    void aProxyRaiseTakesItsPlaceInTheSequence() {
        sequence.observe(sequenced("a-1", 1));
        BidRaisedByProxy raise = new BidRaisedByProxy("a-1:2", "a-1", 2, T0, "c-2", "alice", 2_100, "bob", 2_000, 1,
                2_200);

        assertThat(sequence.observe(raise)).isEqualTo(Verdict.NEW);
        assertThat(sequence.observe(sequenced("a-1", 3))).isEqualTo(Verdict.NEW);
    }

    @Test
    void anEventAtOrBelowTheLastSeqIsADuplicate() {
        sequence.observe(sequenced("a-1", 1));
        sequence.observe(sequenced("a-1", 2));

        assertThat(sequence.observe(sequenced("a-1", 2))).isEqualTo(Verdict.DUPLICATE);
        assertThat(sequence.observe(sequenced("a-1", 1))).isEqualTo(Verdict.DUPLICATE);
    }

    @Test
    void aSkippedSeqIsAGapAndTheSequenceContinuesAfterIt() {
        sequence.observe(sequenced("a-1", 1));

        assertThat(sequence.observe(sequenced("a-1", 4))).isEqualTo(Verdict.GAP);
        assertThat(sequence.observe(sequenced("a-1", 5))).isEqualTo(Verdict.NEW);
    }

    @Test
    void joiningAnAuctionMidStreamIsAGap() {
        assertThat(sequence.observe(sequenced("a-1", 7))).isEqualTo(Verdict.GAP);
    }

    @Test
    void auctionsAreSequencedIndependently() {
        sequence.observe(sequenced("a-1", 1));
        sequence.observe(sequenced("a-1", 2));

        assertThat(sequence.observe(sequenced("a-2", 1))).isEqualTo(Verdict.NEW);
    }

    @Test
    void aRejectionIsRecognisedByItsEventIdSinceItHasNoSeq() {
        BidRejected rejection = new BidRejected("a-1:cmd:c-9", "a-1", T0, "c-9", "bob", 900,
                RejectionReason.BID_TOO_LOW, 1_100L);

        assertThat(sequence.observe(rejection)).isEqualTo(Verdict.NEW);
        assertThat(sequence.observe(rejection)).isEqualTo(Verdict.DUPLICATE);
    }

    @Test
    void aRejectionDoesNotDisturbTheAuctionsSequence() {
        sequence.observe(sequenced("a-1", 1));
        sequence.observe(new BidRejected("a-1:cmd:c-9", "a-1", T0, "c-9", "bob", 900, RejectionReason.BID_TOO_LOW,
                1_100L));

        assertThat(sequence.observe(sequenced("a-1", 2))).isEqualTo(Verdict.NEW);
    }

    @Test
    void forgetsTheLeastRecentlySeenAuctionBeyondItsCapacity() {
        EventSequence small = new EventSequence(2);
        small.observe(sequenced("a-1", 1));
        small.observe(sequenced("a-2", 1));
        small.observe(sequenced("a-1", 2));
        small.observe(sequenced("a-3", 1));

        assertThat(small.observe(sequenced("a-1", 2))).as("a-1 was seen recently").isEqualTo(Verdict.DUPLICATE);
        assertThat(small.observe(sequenced("a-2", 1))).as("a-2 was forgotten").isEqualTo(Verdict.NEW);
    }

    private static AuctionCancelled sequenced(String auctionId, long seq) {
        return new AuctionCancelled(auctionId + ":" + seq, auctionId, seq, T0, "c-" + seq, "seller-1");
    }
}
