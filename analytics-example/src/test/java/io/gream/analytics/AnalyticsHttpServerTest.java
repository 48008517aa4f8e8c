package io.gream.analytics;

import io.gream.contracts.AuctionEvent;
import io.gream.contracts.CloseOutcome;
import io.gream.contracts.GreamJson;
import io.gream.contracts.Topics;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;

import static io.gream.analytics.AnalyticsEvents.T0;
import static io.gream.analytics.AnalyticsEvents.accepted;
import static io.gream.analytics.AnalyticsEvents.closed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON API over real stores: a TopologyTestDriver holds them, a real JDK HTTP server serves them, a real HTTP
 * client asks. The clock is fixed, so "the last minute" is known.
 */
class AnalyticsHttpServerTest {

    @TempDir
    Path stateDir;

    private final HttpClient client = HttpClient.newHttpClient();
    private TopologyTestDriver driver;
    private AnalyticsHttpServer server;

    @BeforeEach
    void start() throws IOException {
        driver = new TopologyTestDriver(AnalyticsTopology.build(),
                new AnalyticsSettings("unused:9092", stateDir, 0).streamsProperties(), T0);
        server = new AnalyticsHttpServer(new InetSocketAddress("localhost", 0),
                new HotAuctions(() -> driver.getWindowStore(AnalyticsTopology.ACCEPTED_BIDS_STORE)),
                new ClosingPrices(() -> driver.getKeyValueStore(AnalyticsTopology.CLOSING_PRICES_STORE)),
                Clock.fixed(T0.plusSeconds(30), ZoneOffset.UTC)).start();
    }

    @AfterEach
    void stop() {
        server.close();
        driver.close();
    }

    @Test
    void servesTheHotAuctionsOfTheLastMinuteAsJson() throws Exception {
        TestInputTopic<String, AuctionEvent> events = eventsTopic();
        pipe(events, accepted("a-1", 2, T0.plusSeconds(1)));
        pipe(events, accepted("a-2", 2, T0.plusSeconds(2)));
        pipe(events, accepted("a-2", 3, T0.plusSeconds(3)));

        HttpResponse<String> response = get("/hot-auctions");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(GreamJson.mapper().readTree(response.body())).isEqualTo(GreamJson.mapper().readTree("""
                {"asOf":"2026-11-22T10:00:30Z","windowSeconds":60,
                 "auctions":[{"auctionId":"a-2","acceptedBids":2},{"auctionId":"a-1","acceptedBids":1}]}"""));
    }

    @Test
    void limitsTheHotAuctionsToTheNumberAskedFor() throws Exception {
        TestInputTopic<String, AuctionEvent> events = eventsTopic();
        pipe(events, accepted("a-1", 2, T0.plusSeconds(1)));
        pipe(events, accepted("a-2", 2, T0.plusSeconds(2)));
        pipe(events, accepted("a-2", 3, T0.plusSeconds(3)));

        HttpResponse<String> response = get("/hot-auctions?limit=1");

        assertThat(GreamJson.mapper().readTree(response.body()).get("auctions")).hasSize(1);
    }

    @Test
    void servesTheAverageClosingPricePerBrand() throws Exception {
        TestInputTopic<String, AuctionEvent> events = eventsTopic();
        pipe(events, closed("a-1", "Starbucks", CloseOutcome.SOLD, 3_000L, T0));
        pipe(events, closed("a-2", "Starbucks", CloseOutcome.SOLD, 3_500L, T0.plusSeconds(1)));

        HttpResponse<String> response = get("/closing-prices");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(GreamJson.mapper().readTree(response.body())).isEqualTo(GreamJson.mapper().readTree("""
                {"brands":[{"brand":"Starbucks","auctions":2,"averagePrice":3250}]}"""));
    }

    @Test
    void rejectsALimitOutsideOneToAHundredAsAProblem() throws Exception {
        for (String limit : new String[]{"0", "101", "ten"}) {
            HttpResponse<String> response = get("/hot-auctions?limit=" + limit);

            assertThat(response.statusCode()).as(limit).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(GreamJson.mapper().readTree(response.body()).get("detail").asString()).contains("limit");
        }
    }

    @Test
    void answersServiceUnavailableWithRetryAfterWhileTheStoresCannotBeRead() throws Exception {
        try (AnalyticsHttpServer rebalancing = new AnalyticsHttpServer(new InetSocketAddress("localhost", 0),
                new HotAuctions(() -> {
                    throw new InvalidStateStoreException("rebalancing");
                }),
                new ClosingPrices(() -> {
                    throw new InvalidStateStoreException("rebalancing");
                }),
                Clock.systemUTC()).start()) {
            for (String path : new String[]{"/hot-auctions", "/closing-prices"}) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + rebalancing.port() + path)).build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(response.statusCode()).as(path).isEqualTo(503);
                assertThat(response.headers().firstValue("Retry-After")).contains("1");
            }
        }
    }

    @Test
    void answersNotFoundForAnUnknownPath() throws Exception {
        assertThat(get("/auctions").statusCode()).isEqualTo(404);
        assertThat(get("/hot-auctions/a-1").statusCode()).isEqualTo(404);
    }

    @Test
    void answersMethodNotAllowedForAnythingButGet() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/hot-auctions"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("GET");
    }

    private TestInputTopic<String, AuctionEvent> eventsTopic() {
        return driver.createInputTopic(Topics.AUCTION_EVENTS.name(), Topics.AUCTION_EVENTS.keySerde().serializer(),
                Topics.AUCTION_EVENTS.valueSerde().serializer());
    }

    private static void pipe(TestInputTopic<String, AuctionEvent> events, AuctionEvent event) {
        events.pipeInput(event.auctionId(), event, event.at());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + server.port() + path);
    }
}
