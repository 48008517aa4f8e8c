package io.gream.settlement.worker;

import io.github.resilience4j.core.IntervalFunction;
import io.gream.contracts.SettlementEvent;
import io.gream.settlement.ledger.FeeSchedule;
import io.gream.settlement.payment.GuardedPaymentGateway;
import io.gream.settlement.store.RefundStore;
import io.gream.settlement.store.RunnerUps;
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
    SettlementPublisher settlementPublisher(KafkaTemplate<String, SettlementEvent> settlementEventTemplate,
                                            SettlementProperties properties) {
        return new SettlementPublisher(settlementEventTemplate, properties.publishTimeout());
    }

    @Bean
    Refunder refunder(RefundStore refunds, GuardedPaymentGateway gateway, SettlementPublisher publisher,
                      ObjectProvider<SettlementSteps> steps, ObjectProvider<Clock> clock, SettlementMetrics metrics,
                      SettlementProperties properties) {
        return new Refunder(refunds, gateway, publisher, steps.getIfAvailable(() -> SettlementSteps.NONE), metrics,
                clock.getIfAvailable(Clock::systemUTC), backoff(properties.pending()));
    }

    @Bean
    Settler settler(SettlementStore store, GuardedPaymentGateway gateway, SettlementPublisher publisher,
                    SettlementProperties properties, ObjectProvider<SettlementSteps> steps,
                    ObjectProvider<Clock> clock, SettlementMetrics metrics, Refunder refunder) {
        return new Settler(store, gateway, publisher, new FeeSchedule(properties.feeBasisPoints()),
                steps.getIfAvailable(() -> SettlementSteps.NONE), metrics, clock.getIfAvailable(Clock::systemUTC),
                properties.pending().deadline(), backoff(properties.pending()), refunder);
    }

    @Bean
    PendingSettlementRetrier pendingSettlementRetrier(SettlementStore store, Settler settler, RefundStore refunds,
                                                      Refunder refunder, SettlementMetrics metrics,
                                                      ObjectProvider<Clock> clock, SettlementProperties properties) {
        return new PendingSettlementRetrier(store, settler, refunds, refunder, metrics,
                clock.getIfAvailable(Clock::systemUTC), properties.pending().batchSize());
    }

    @Bean
    SettlementsEndpoint settlementsEndpoint(SettlementStore store, ObjectProvider<Clock> clock) {
        return new SettlementsEndpoint(store, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    RefundsEndpoint refundsEndpoint(Refunder refunder, RefundStore refunds) {
        return new RefundsEndpoint(refunder, refunds);
    }

    @Bean
    LedgerEndpoint ledgerEndpoint(SettlementStore store) {
        return new LedgerEndpoint(store);
    }

    private static IntervalFunction backoff(SettlementProperties.Pending pending) {
        return IntervalFunction.ofExponentialBackoff(pending.initialBackoff(), pending.multiplier(),
                pending.maxBackoff());
    }

    @Bean
    AuctionClosedListener auctionClosedListener(Settler settler, RunnerUps runnerUps,
                                                SettlementProperties properties) {
        return new AuctionClosedListener(settler, runnerUps, properties.currency());
    }
}
