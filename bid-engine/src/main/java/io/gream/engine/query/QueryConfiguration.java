package io.gream.engine.query;

import io.gream.engine.runtime.EngineProperties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;

/**
 * The query API's parts: where auctions live, how to ask another instance, who waits for outcomes, and the
 * internal token every handler requires.
 */
@Configuration(proxyBeanMethods = false)
class QueryConfiguration implements WebMvcConfigurer {

    private final EngineProperties engine;

    QueryConfiguration(EngineProperties engine) {
        this.engine = engine;
    }

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

    /** No path pattern: every handler of every MVC handler mapping, so the API is closed by default. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new InternalTokenInterceptor(engine.internalToken()));
    }
}
