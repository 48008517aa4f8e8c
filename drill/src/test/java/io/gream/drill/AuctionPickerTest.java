package io.gream.drill;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class AuctionPickerTest {

    private static final long NOW = 1_000_000;

    private static String[] auctions(int n) {
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "drill-test-" + i;
        }
        return ids;
    }

    private static long[] deadlines(int n, long endsAt) {
        long[] ends = new long[n];
        Arrays.fill(ends, endsAt);
        return ends;
    }

    @Test
    void consecutiveBidsGoToThePartitionsInTurn() {
        String[] ids = auctions(200);
        AuctionPicker picker = new AuctionPicker(ids, deadlines(200, NOW + 60_000));
        Random random = new Random(7);

        for (long n = 0; n < 120; n++) {
            int picked = picker.pickOpen(n, NOW, random);
            assertThat(DrillLoad.partitionOf(ids[picked])).as("bid %d", n)
                    .isEqualTo((int) (n % ClusterLayout.PARTITIONS));
        }
    }

    @Test
    void aPartitionWithoutOpenAuctionsPassesItsTurnToAnOpenAuctionElsewhere() {
        String[] ids = auctions(200);
        long[] ends = deadlines(200, NOW + 60_000);
        for (int i = 0; i < ids.length; i++) {
            if (DrillLoad.partitionOf(ids[i]) == 0) {
                ends[i] = NOW + AuctionPicker.CLOSING_MARGIN_MILLIS; // closes too soon to bid on
            }
        }
        AuctionPicker picker = new AuctionPicker(ids, ends);

        int picked = picker.pickOpen(12, NOW, new Random(7));

        assertThat(DrillLoad.partitionOf(ids[picked])).isNotZero();
        assertThat(ends[picked]).isGreaterThan(NOW + AuctionPicker.CLOSING_MARGIN_MILLIS);
    }
}
