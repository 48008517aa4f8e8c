package io.gream.settlement.ledger;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalTest {

    @Test
    void recordsASaleAsBuyerDebitSellerAndFeeCreditsThatSumToZero() {
        Journal journal = Journal.ofSale("a-1", "buyer-1", "seller-1", new FeeSchedule(1000).split(50_000), "KRW");

        assertThat(journal.postings()).containsExactly(
                new Posting(EntryType.BUYER_PAYMENT, "buyer:buyer-1", 50_000),
                new Posting(EntryType.SELLER_PROCEEDS, "seller:seller-1", -45_000),
                new Posting(EntryType.PLATFORM_FEE, "platform:fees", -5_000));
        assertThat(journal.postings().stream().mapToLong(Posting::amount).sum()).isZero();
    }

    @Test
    void leavesOutTheFeeLineWhenThereIsNoFee() {
        Journal journal = Journal.ofSale("a-1", "b", "s", new FeeSchedule(0).split(700), "KRW");

        assertThat(journal.postings()).extracting(Posting::type)
                .containsExactly(EntryType.BUYER_PAYMENT, EntryType.SELLER_PROCEEDS);
    }

    @Test
    void refusesToBeBuiltUnbalanced() {
        assertThatThrownBy(() -> new Journal("a-1", "KRW", List.of(
                new Posting(EntryType.BUYER_PAYMENT, "buyer:b", 1_000),
                new Posting(EntryType.SELLER_PROCEEDS, "seller:s", -999))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unbalanced by 1");
    }

    @Test
    void refusesASingleLineTwoLinesOfOneTypeAndZeroAmounts() {
        assertThatThrownBy(() -> new Journal("a-1", "KRW", List.of(
                new Posting(EntryType.BUYER_PAYMENT, "buyer:b", 0))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Journal("a-1", "KRW", List.of(
                new Posting(EntryType.BUYER_PAYMENT, "buyer:b", 100),
                new Posting(EntryType.BUYER_PAYMENT, "buyer:c", -100))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two BUYER_PAYMENT");
        assertThatThrownBy(() -> new Journal("a-1", "KRW", List.of(
                new Posting(EntryType.BUYER_PAYMENT, "buyer:b", 100))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least two");
    }

    @Test
    void refusesAnAmountThatWouldOverflowRatherThanWrapToZero() {
        assertThatThrownBy(() -> new Journal("a-1", "KRW", List.of(
                new Posting(EntryType.BUYER_PAYMENT, "buyer:b", Long.MAX_VALUE),
                new Posting(EntryType.PLATFORM_FEE, "platform:fees", Long.MAX_VALUE),
                new Posting(EntryType.SELLER_PROCEEDS, "seller:s", 2))))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void refusesACurrencyThatIsNotAnIsoCode() {
        assertThatThrownBy(() -> Journal.ofSale("a-1", "b", "s", new FeeSchedule(0).split(1), "won"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
