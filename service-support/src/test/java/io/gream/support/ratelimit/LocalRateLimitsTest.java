package io.gream.support.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LocalRateLimitsTest {

    @Test
    void eachUserHasTheirOwnAllowance() {
        LocalRateLimits limits = new LocalRateLimits(2, Duration.ofHours(1), 10);

        assertThat(limits.acquire("alice")).isEmpty();
        assertThat(limits.acquire("alice")).isEmpty();
        assertThat(limits.acquire("alice")).hasValueSatisfying(wait ->
                assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofHours(1)));
        assertThat(limits.acquire("bob")).isEmpty();
    }
}
