package io.gream.engine.query;

import io.gream.engine.runtime.EngineProperties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** The query API's parts: where auctions live, how to ask another instance, and who waits for outcomes. */
@Configuration(proxyBeanMethods = false)
class QueryConfiguration {

    @Bean
    OutcomeWaiters outcomeWaiters() {
        return new OutcomeWaiters();
    }

    @Bean
    AuctionLocator auctionLocator(KafkaStreams streams, HostInfo engineHost) {
        return new AuctionLocator(streams, engineHost);
    }

    @Bean
    EngineForwarder engineForwarder(EngineProperties engine) {
        return new EngineForwarder(Duration.ofMillis(500), engine.internalToken());
    }

    @Bean
    @ConditionalOnExpression("!'${gream.engine.internal-token:}'.isEmpty()")
    InternalTokenFilter internalTokenFilter(EngineProperties engine) {
        return new InternalTokenFilter(engine.internalToken());
    }
}
