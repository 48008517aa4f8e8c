package io.gream.settlement.worker;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Schedules the {@link PendingSettlementRetrier} on Spring's task scheduler, with a fixed delay between polls so a
 * slow poll never overlaps the next one on the same replica.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PendingRetryConfiguration implements SchedulingConfigurer {

    private final PendingSettlementRetrier retrier;
    private final SettlementProperties properties;

    PendingRetryConfiguration(PendingSettlementRetrier retrier, SettlementProperties properties) {
        this.retrier = retrier;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(retrier::retryDue, properties.pending().pollInterval());
    }
}
