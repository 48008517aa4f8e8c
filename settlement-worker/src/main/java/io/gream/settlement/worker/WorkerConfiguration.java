package io.gream.settlement.worker;

import io.github.resilience4j.core.IntervalFunction;
import io.gream.contracts.SettlementEvent;
import io.gream.settlement.ledger.FeeSchedule;
import io.gream.settlement.payment.GuardedPaymentGateway;
import io.gream.settlement.store.SettlementStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Clock;

/** Assembles the worker; a {@link SettlementSteps} or {@link Clock} bean supplied elsewhere (tests) is used. */
@Configuration(proxyBeanMethods = false)
class WorkerConfiguration {

    @Bean
    SettlementMetrics settlementMetrics(MeterRegistry meters) {
        return new SettlementMetrics(meters);
    }

    @Bean
    Settler settler(SettlementStore store, GuardedPaymentGateway gateway,
                    KafkaTemplate<String, SettlementEvent> settlementEventTemplate, SettlementProperties properties,
                    ObjectProvider<SettlementSteps> steps, ObjectProvider<Clock> clock, SettlementMetrics metrics) {
        SettlementProperties.Pending pending = properties.pending();
        return new Settler(store, gateway,
                new SettlementPublisher(settlementEventTemplate, properties.publishTimeout()),
                new FeeSchedule(properties.feeBasisPoints()), steps.getIfAvailable(() -> SettlementSteps.NONE),
                metrics, clock.getIfAvailable(Clock::systemUTC), pending.deadline(),
                IntervalFunction.ofExponentialBackoff(pending.initialBackoff(), pending.multiplier(),
                        pending.maxBackoff()));
    }

    @Bean
    PendingSettlementRetrier pendingSettlementRetrier(SettlementStore store, Settler settler,
                                                      SettlementMetrics metrics, ObjectProvider<Clock> clock,
                                                      SettlementProperties properties) {
        return new PendingSettlementRetrier(store, settler, metrics, clock.getIfAvailable(Clock::systemUTC),
                properties.pending().batchSize());
    }

    @Bean
    SettlementsEndpoint settlementsEndpoint(SettlementStore store, ObjectProvider<Clock> clock) {
        return new SettlementsEndpoint(store, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    AuctionClosedListener auctionClosedListener(Settler settler, SettlementProperties properties) {
        return new AuctionClosedListener(settler, properties.currency());
    }
}
