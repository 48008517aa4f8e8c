package io.gream.analytics;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the example: the {@link AnalyticsTopology} against a Kafka cluster, and its JSON API.
 *
 * <pre>
 * ./mvnw -B -q -pl analytics-example -am package -DskipTests
 * java -jar analytics-example/target/analytics-example-0.1.0-SNAPSHOT.jar
 * </pre>
 *
 * Configured by environment variables only ({@link AnalyticsSettings#fromEnvironment}); no framework, so the whole
 * wiring is this method.
 */
public final class AnalyticsApplication {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsApplication.class);

    private AnalyticsApplication() {
    }

    public static void main(String[] args) throws Exception {
        AnalyticsSettings settings = AnalyticsSettings.fromEnvironment(System.getenv());
        KafkaStreams streams = new KafkaStreams(AnalyticsTopology.build(), settings.streamsProperties());
        HotAuctions hotAuctions = new HotAuctions(() -> streams.store(StoreQueryParameters.fromNameAndType(
                AnalyticsTopology.ACCEPTED_BIDS_STORE, QueryableStoreTypes.windowStore())));
        ClosingPrices closingPrices = new ClosingPrices(() -> streams.store(StoreQueryParameters.fromNameAndType(
                AnalyticsTopology.CLOSING_PRICES_STORE, QueryableStoreTypes.keyValueStore())));
        AnalyticsHttpServer http = new AnalyticsHttpServer(new InetSocketAddress(settings.httpPort()), hotAuctions,
                closingPrices, Clock.systemUTC());

        CountDownLatch stopped = new CountDownLatch(1);
        streams.setUncaughtExceptionHandler(e -> {
            log.error("Stream thread failed; shutting down", e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                stopped.countDown();
            }
        });
        AtomicBoolean closed = new AtomicBoolean();
        Runnable shutdown = () -> {
            if (closed.compareAndSet(false, true)) {
                http.close();
                streams.close(Duration.ofSeconds(30));
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "analytics-shutdown"));

        streams.start();
        http.start();
        log.info("Tapping gream.auction-events at {}; hot auctions at http://localhost:{}/hot-auctions, closing"
                        + " prices at http://localhost:{}/closing-prices", settings.bootstrapServers(), http.port(),
                http.port());
        stopped.await();
        boolean failed = streams.state() == KafkaStreams.State.ERROR;
        shutdown.run();
        if (failed) {
            System.exit(1);
        }
    }
}
