package io.gream.analytics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrandClosingPricesTest {

    @Test
    void averageIsTheExactMeanWhenItIsWhole() {
        assertThat(BrandClosingPrices.NONE.add(3_000).add(5_000).averagePrice()).isEqualTo(4_000);
    }

    @Test
    void averageRoundsHalfUpToTheMinorUnit() {
        assertThat(BrandClosingPrices.NONE.add(3_000).add(4_001).averagePrice()).isEqualTo(3_501);
        assertThat(BrandClosingPrices.NONE.add(1).add(1).add(2).averagePrice()).isEqualTo(1);
        assertThat(BrandClosingPrices.NONE.add(1).add(2).add(2).averagePrice()).isEqualTo(2);
    }

    @Test
    void averageOfNoSalesIsZero() {
        assertThat(BrandClosingPrices.NONE.averagePrice()).isZero();
    }

    @Test
    void refusesToOverflowTheTotal() {
        BrandClosingPrices nearlyFull = new BrandClosingPrices(1, Long.MAX_VALUE - 10);

        assertThatThrownBy(() -> nearlyFull.add(11)).isInstanceOf(ArithmeticException.class);
    }
}
