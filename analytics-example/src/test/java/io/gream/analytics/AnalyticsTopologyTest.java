package io.gream.analytics;

import io.gream.analytics.ClosingPrices.BrandAverage;
import io.gream.analytics.HotAuctions.HotAuction;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.CloseOutcome;
import io.gream.contracts.Topics;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static io.gream.analytics.AnalyticsEvents.T0;
import static io.gream.analytics.AnalyticsEvents.accepted;
import static io.gream.analytics.AnalyticsEvents.closed;
import static io.gream.analytics.AnalyticsEvents.ignored;
import static io.gream.analytics.AnalyticsEvents.rejected;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analytics topology fed event by event with explicit timestamps (the engine stamps each event with its
 * decision time), read back through the same query classes the HTTP API uses.
 */
class AnalyticsTopologyTest {

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, AuctionEvent> events;
    private HotAuctions hotAuctions;
    private ClosingPrices closingPrices;

    @BeforeEach
    void startDriver() {
        driver = new TopologyTestDriver(AnalyticsTopology.build(),
                new AnalyticsSettings("unused:9092", stateDir, 0).streamsProperties(), T0);
        events = driver.createInputTopic(Topics.AUCTION_EVENTS.name(), Topics.AUCTION_EVENTS.keySerde().serializer(),
                Topics.AUCTION_EVENTS.valueSerde().serializer());
        hotAuctions = new HotAuctions(() -> driver.getWindowStore(AnalyticsTopology.ACCEPTED_BIDS_STORE));
        closingPrices = new ClosingPrices(() -> driver.getKeyValueStore(AnalyticsTopology.CLOSING_PRICES_STORE));
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void countsAcceptedBidsPerAuctionInTheLastMinute() {
        send(accepted("a-1", 2, T0));
        send(accepted("a-1", 3, T0.plusSeconds(10)));
        send(accepted("a-2", 2, T0.plusSeconds(20)));
        send(accepted("a-1", 4, T0.plusSeconds(50)));

        assertThat(hotAuctions.top(T0.plusSeconds(55), 10))
                .containsExactly(new HotAuction("a-1", 3), new HotAuction("a-2", 1));
    }

    @Test
    void rejectedBidsDoNotCount() {
        send(accepted("a-1", 2, T0));
        send(rejected("a-1", "c-7", T0.plusSeconds(1)));
        send(rejected("a-1", "c-8", T0.plusSeconds(2)));
        send(rejected("a-1", "c-9", T0.plusSeconds(3)));
        send(accepted("a-2", 2, T0.plusSeconds(4)));
        send(accepted("a-2", 3, T0.plusSeconds(5)));

        assertThat(hotAuctions.top(T0.plusSeconds(6), 10))
                .containsExactly(new HotAuction("a-2", 2), new HotAuction("a-1", 1));
    }

    @Test
    void aBidStopsCountingOneMinuteAfterItsSecondBegan() {
        send(accepted("a-1", 2, T0.plusMillis(500)));
        send(accepted("a-1", 3, T0.plusSeconds(30)));

        assertThat(hotAuctions.top(T0.plusMillis(59_999), 10)).containsExactly(new HotAuction("a-1", 2));
        assertThat(hotAuctions.top(T0.plusSeconds(60), 10)).containsExactly(new HotAuction("a-1", 1));
        assertThat(hotAuctions.top(T0.plusSeconds(90), 10)).isEmpty();
    }

    @Test
    void bidsAfterTheQueryTimeDoNotCount() {
        send(accepted("a-1", 2, T0));
        send(accepted("a-1", 3, T0.plusSeconds(5)));

        assertThat(hotAuctions.top(T0.plusMillis(4_999), 10)).containsExactly(new HotAuction("a-1", 1));
    }

    @Test
    void ranksBusiestFirstBreaksTiesByAuctionIdAndKeepsTheTopN() {
        send(accepted("b", 2, T0));
        send(accepted("b", 3, T0.plusSeconds(1)));
        send(accepted("a", 2, T0.plusSeconds(2)));
        send(accepted("a", 3, T0.plusSeconds(3)));
        send(accepted("d", 2, T0.plusSeconds(4)));
        send(accepted("c", 2, T0.plusSeconds(5)));
        send(accepted("c", 3, T0.plusSeconds(6)));
        send(accepted("c", 4, T0.plusSeconds(7)));

        assertThat(hotAuctions.top(T0.plusSeconds(10), 3))
                .containsExactly(new HotAuction("c", 3), new HotAuction("a", 2), new HotAuction("b", 2));
    }

    @Test
    void countsABidThatArrivesLateWithinTheGracePeriod() {
        send(accepted("a-1", 2, T0.plusSeconds(30)));
        send(accepted("a-1", 3, T0.plusSeconds(30).minus(AnalyticsTopology.GRACE).plusSeconds(1)));

        assertThat(hotAuctions.top(T0.plusSeconds(31), 10)).containsExactly(new HotAuction("a-1", 2));
    }

    @Test
    void averagesTheClosingPricePerBrandOverAuctionsSoldRoundingHalfUp() {
        send(closed("a-1", "Starbucks", CloseOutcome.SOLD, 3_000L, T0));
        send(closed("a-2", "Starbucks", CloseOutcome.BUY_NOW, 4_001L, T0.plusSeconds(1)));
        send(closed("a-3", "Baskin Robbins", CloseOutcome.SOLD, 9_000L, T0.plusSeconds(2)));

        assertThat(closingPrices.byBrand()).containsExactly(
                new BrandAverage("Baskin Robbins", 1, 9_000),
                new BrandAverage("Starbucks", 2, 3_501));
    }

    @Test
    void auctionsClosedWithoutAWinnerDoNotCountTowardsTheAverage() {
        send(closed("a-1", "Starbucks", CloseOutcome.SOLD, 3_000L, T0));
        send(closed("a-2", "Starbucks", CloseOutcome.NO_BIDS, null, T0.plusSeconds(1)));
        send(closed("a-3", "Starbucks", CloseOutcome.RESERVE_NOT_MET, null, T0.plusSeconds(2)));
        send(closed("a-4", "CU", CloseOutcome.NO_BIDS, null, T0.plusSeconds(3)));

        assertThat(closingPrices.byBrand()).containsExactly(new BrandAverage("Starbucks", 1, 3_000));
    }

    @Test
    void otherEventsChangeNothing() {
        ignored("a-1", T0).forEach(this::send);

        assertThat(hotAuctions.top(T0.plusSeconds(1), 10)).isEmpty();
        assertThat(closingPrices.byBrand()).isEmpty();
    }

    @Test
    void skipsAnUnreadableEventAndCarriesOn() {
        TestInputTopic<String, byte[]> raw = driver.createInputTopic(Topics.AUCTION_EVENTS.name(),
                new StringSerializer(), new ByteArraySerializer());

        raw.pipeInput("a-1", "{\"type\":\"BidAccepted\",\"seq\":".getBytes(StandardCharsets.UTF_8), T0);
        send(accepted("a-1", 2, T0.plusSeconds(1)));

        assertThat(hotAuctions.top(T0.plusSeconds(2), 10)).containsExactly(new HotAuction("a-1", 1));
    }

    @Test
    void namesEveryNodeAndStoreSoDescribeHasNoGeneratedNames() {
        String description = AnalyticsTopology.build().describe().toString();

        assertThat(description).doesNotContain("KSTREAM-", "KTABLE-");
        assertThat(stores(AnalyticsTopology.build().describe())).containsExactlyInAnyOrder(
                AnalyticsTopology.ACCEPTED_BIDS_STORE, AnalyticsTopology.CLOSING_PRICES_STORE);
    }

    @Test
    void readsOnlyTheAuctionEventsTopicAndItsOwnRepartitionTopic() {
        Set<String> read = new HashSet<>();
        for (TopologyDescription.Subtopology subtopology : AnalyticsTopology.build().describe().subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Source source) {
                    read.addAll(source.topicSet());
                }
            }
        }

        assertThat(read).containsExactlyInAnyOrder(Topics.AUCTION_EVENTS.name(),
                AnalyticsTopology.PRICES_BY_BRAND + "-repartition");
    }

    private void send(AuctionEvent event) {
        events.pipeInput(event.auctionId(), event, event.at());
    }

    private static Set<String> stores(TopologyDescription description) {
        Set<String> stores = new HashSet<>();
        for (TopologyDescription.Subtopology subtopology : description.subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Processor processor) {
                    stores.addAll(processor.stores());
                }
            }
        }
        return stores;
    }
}
