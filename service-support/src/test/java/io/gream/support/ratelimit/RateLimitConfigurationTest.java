package io.gream.support.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The limits are read from the settings of the service the scope names, and only from those. */
class RateLimitConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withBean(RateLimitScope.class, () -> new RateLimitScope("orders"))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withUserConfiguration(RateLimitConfiguration.class);

    @Test
    void refusesToStartWithAnImpossibleLimitInItsOwnSettings() {
        context.withPropertyValues("gream.orders.rate-limit.requests-per-period=0")
                .run(started -> assertThat(started).hasFailed()
                        .getFailure().hasStackTraceContaining("gream.orders.rate-limit"));
    }

    @Test
    void ignoresTheSettingsOfAnotherServiceAndRegistersItsOwnMeter() {
        context.withPropertyValues("gream.shipping.rate-limit.requests-per-period=0")
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    assertThat(started.getBean(MeterRegistry.class).find("gream.orders.rate.limited").counter())
                            .isNotNull();
                });
    }

    @Test
    void aScopeIsALowerCaseServiceName() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RateLimitScope("Orders Service"));
    }
}
