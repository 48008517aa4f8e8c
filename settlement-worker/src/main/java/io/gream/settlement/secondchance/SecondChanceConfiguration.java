package io.gream.settlement.secondchance;

import io.gream.settlement.ledger.FeeSchedule;
import io.gream.settlement.payment.GuardedPaymentGateway;
import io.gream.settlement.store.SecondChanceStore;
import io.gream.settlement.worker.SettlementProperties;
import io.gream.settlement.worker.SettlementPublisher;
import io.gream.settlement.worker.SettlementSteps;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import java.time.Clock;

/**
 * Assembles second-chance offers and the expirer's schedule. The command consumer's Kafka settings are the worker's
 * own ({@code WorkerKafkaConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SecondChanceConfiguration implements SchedulingConfigurer {

    private final ObjectProvider<SecondChanceExpirer> expirer;
    private final SecondChanceProperties properties;

    SecondChanceConfiguration(ObjectProvider<SecondChanceExpirer> expirer, SecondChanceProperties properties) {
        this.expirer = expirer;
        this.properties = properties;
    }

    @Bean
    SecondChances secondChances(SecondChanceStore store, GuardedPaymentGateway gateway, SettlementPublisher publisher,
                                SettlementProperties settlement, ObjectProvider<SettlementSteps> steps,
                                ObjectProvider<Clock> clock) {
        return new SecondChances(store, gateway, publisher, new FeeSchedule(settlement.feeBasisPoints()),
                steps.getIfAvailable(() -> SettlementSteps.NONE), clock.getIfAvailable(Clock::systemUTC),
                properties.offerWindow());
    }

    @Bean
    SecondChanceExpirer secondChanceExpirer(SecondChanceStore store, SecondChances secondChances,
                                            ObjectProvider<Clock> clock) {
        return new SecondChanceExpirer(store, secondChances, clock.getIfAvailable(Clock::systemUTC),
                properties.expiryGrace(), properties.batchSize());
    }

    @Bean
    SecondChanceCommandListener secondChanceCommandListener(SecondChances secondChances) {
        return new SecondChanceCommandListener(secondChances);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(() -> expirer.getObject().poll(), properties.pollInterval());
    }
}
