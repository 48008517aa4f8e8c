package io.gream.settlement.ledger;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RefundSplitTest {

    private static final FeeSchedule TEN_PERCENT = new FeeSchedule(1000);

    @Test
    void aFullRefundGivesBackExactlyTheFeeAndTheProceeds() {
        SaleSplit sale = TEN_PERCENT.split(12_345);

        RefundSplit split = RefundSplit.of(sale, 0, 12_345);

        assertThat(split).isEqualTo(new RefundSplit(12_345, 1_234, 11_111));
    }

    @Test
    void refundsInAnyPartsThatAddUpToThePriceGiveBackExactlyTheFeeAndTheProceeds() {
        SplittableRandom random = new SplittableRandom(7);
        for (int run = 0; run < 1_000; run++) {
            long price = 1 + random.nextLong(1_000_000);
            SaleSplit sale = new FeeSchedule(random.nextInt(10_001)).split(price);
            long refunded = 0;
            long fee = 0;
            long seller = 0;
            while (refunded < price) {
                long part = 1 + random.nextLong(price - refunded);
                RefundSplit split = RefundSplit.of(sale, refunded, part);
                refunded += part;
                fee += split.feePart();
                seller += split.sellerPart();
            }
            assertThat(fee).as("fee of %s", sale).isEqualTo(sale.fee());
            assertThat(seller).as("proceeds of %s", sale).isEqualTo(sale.sellerProceeds());
        }
    }

    @Test
    void refusesToGiveBackMoreThanThePrice() {
        SaleSplit sale = TEN_PERCENT.split(10_000);

        assertThatThrownBy(() -> RefundSplit.of(sale, 9_000, 1_001)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theReversingJournalOfAFullRefundNegatesTheSaleJournal() {
        SaleSplit sale = TEN_PERCENT.split(10_000);
        Journal original = Journal.ofSale("a-1", "b", "s", sale, "KRW");

        Journal refund = Journal.buyerRefund("r-1", "a-1", "b", "s", RefundSplit.of(sale, 0, 10_000), "KRW");

        assertThat(refund.reversesJournalId()).isEqualTo("a-1");
        assertThat(refund.postings()).extracting(Posting::amount)
                .containsExactlyElementsOf(original.postings().stream().map(p -> -p.amount()).toList());
    }
}
