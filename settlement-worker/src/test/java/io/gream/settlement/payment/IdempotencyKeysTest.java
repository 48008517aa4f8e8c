package io.gream.settlement.payment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyKeysTest {

    @Test
    void derivesTheSameKeyForTheSameAuctionEveryTime() {
        assertThat(IdempotencyKeys.forAuction("a-1")).isEqualTo(IdempotencyKeys.forAuction("a-1"))
                .isNotEqualTo(IdempotencyKeys.forAuction("a-2"));
    }

    @Test
    void makesAValidTossOrderIdOfAnyAuctionId() {
        String key = IdempotencyKeys.forAuction("경매/42 with spaces & symbols");

        assertThat(key).matches("[A-Za-z0-9_-]{6,64}").startsWith("gream-");
    }
}
