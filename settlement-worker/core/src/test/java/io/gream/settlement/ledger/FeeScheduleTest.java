package io.gream.settlement.ledger;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeeScheduleTest {

    @Test
    void takesTheFeeInBasisPointsRoundedDownInTheSellersFavour() {
        SaleSplit split = new FeeSchedule(1000).split(12_345);

        assertThat(split.fee()).isEqualTo(1_234);
        assertThat(split.sellerProceeds()).isEqualTo(11_111);
    }

    @Test
    void neverRoundsAFractionOfAWonUp() {
        // 2.5 % of 99 is 2.475: the platform gets 2, the seller 97.
        SaleSplit split = new FeeSchedule(250).split(99);

        assertThat(split.fee()).isEqualTo(2);
        assertThat(split.sellerProceeds()).isEqualTo(97);
    }

    @Test
    void feeAndProceedsAlwaysAddUpToThePrice() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            int basisPoints = random.nextInt(0, FeeSchedule.ALL + 1);
            long price = random.nextLong(1, 1_000_000_001L);

            SaleSplit split = new FeeSchedule(basisPoints).split(price);

            assertThat(split.fee() + split.sellerProceeds()).isEqualTo(price);
            assertThat(split.fee()).isBetween(0L, price);
            assertThat(split.fee() * FeeSchedule.ALL).isLessThanOrEqualTo(price * basisPoints);
        }
    }

    @Test
    void noFeeLeavesTheWholePriceToTheSeller() {
        assertThat(new FeeSchedule(0).split(5_000)).isEqualTo(new SaleSplit(5_000, 0, 5_000));
    }

    @Test
    void refusesFeesOutsideZeroToOneHundredPercentAndNonPositivePrices() {
        assertThatThrownBy(() -> new FeeSchedule(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FeeSchedule(10_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FeeSchedule(100).split(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
