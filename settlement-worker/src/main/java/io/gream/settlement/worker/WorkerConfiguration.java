package io.gream.settlement.worker;

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
    Settler settler(SettlementStore store, GuardedPaymentGateway gateway,
                    KafkaTemplate<String, SettlementEvent> settlementEventTemplate, SettlementProperties properties,
                    ObjectProvider<SettlementSteps> steps, ObjectProvider<Clock> clock, MeterRegistry meters) {
        return new Settler(store, gateway,
                new SettlementPublisher(settlementEventTemplate, properties.publishTimeout()),
                new FeeSchedule(properties.feeBasisPoints()), steps.getIfAvailable(() -> SettlementSteps.NONE),
                new SettlementMetrics(meters), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    AuctionClosedListener auctionClosedListener(Settler settler, SettlementProperties properties) {
        return new AuctionClosedListener(settler, properties.currency());
    }
}
