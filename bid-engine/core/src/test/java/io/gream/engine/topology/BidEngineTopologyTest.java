package io.gream.engine.topology;

import io.gream.contracts.AuctionClosed;
import io.gream.contracts.AuctionCommand;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.AuctionExtended;
import io.gream.contracts.AuctionOpened;
import io.gream.contracts.BidAccepted;
import io.gream.contracts.BidHistoryEntry;
import io.gream.contracts.BidRaisedByProxy;
import io.gream.contracts.BidRejected;
import io.gream.contracts.CloseOutcome;
import io.gream.contracts.CommandLogEntry;
import io.gream.contracts.CommandOutcome;
import io.gream.contracts.Item;
import io.gream.contracts.OpenAuction;
import io.gream.contracts.PlaceBid;
import io.gream.contracts.RejectionReason;
import io.gream.contracts.Tick;
import io.gream.contracts.Topics;
import io.gream.engine.auction.Auction;
import io.gream.engine.runtime.StreamsSettings;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topology as Kafka Streams runs it, driven record by record with explicit broker timestamps; the wall clock
 * (which only drives the ticker) is advanced by hand.
 */
class BidEngineTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration TICK = Duration.ofMillis(200);
    private static final Item VOUCHER = new Item("Starbucks", "Americano Tall", 4_500, LocalDate.parse("2027-06-30"));

    @TempDir
    Path stateDir;

    private final RecordingObserver observer = new RecordingObserver();
    private TopologyTestDriver driver;
    private TestInputTopic<String, CommandLogEntry> commands;
    private TestOutputTopic<String, AuctionEvent> events;

    @BeforeEach
    void startDriver() {
        // The settings the application runs with (exactly-once, dead-letter handlers), not a copy of them.
        Properties props = StreamsSettings.resolve(Map.of(
                StreamsConfig.APPLICATION_ID_CONFIG, "bid-engine-test",
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092",
                StreamsConfig.STATE_DIR_CONFIG, stateDir.toString(),
                StreamsConfig.APPLICATION_SERVER_CONFIG, "localhost:8081"));
        driver = new TopologyTestDriver(BidEngineTopology.build(
                new BidEngineConfig(BidEngineConfig.DEFAULT.limits(), TICK, Duration.ofHours(24)), observer), props, T0);
        commands = driver.createInputTopic(Topics.AUCTION_COMMANDS.name(),
                Topics.AUCTION_COMMANDS.keySerde().serializer(), Topics.AUCTION_COMMANDS.valueSerde().serializer());
        events = driver.createOutputTopic(Topics.AUCTION_EVENTS.name(),
                Topics.AUCTION_EVENTS.keySerde().deserializer(), Topics.AUCTION_EVENTS.valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void opensAuctionAndAcceptsBidWithExactPayloads() {
        send(open("a-1", T0.plusSeconds(60), 0), T0);
        send(new PlaceBid("c-2", "a-1", "bob", 1_000), T0.plusSeconds(1));

        assertThat(events.readValuesToList()).containsExactly(
                new AuctionOpened("a-1:1", "a-1", 1, T0, "c-1", "sally", VOUCHER, 1_000, 100, null, null,
                        T0.plusSeconds(60), 0),
                new BidAccepted("a-1:2", "a-1", 2, T0.plusSeconds(1), "c-2", "bob", 1_000, null, null, 1, 1_100));
    }

    @Test
    void eventsAreKeyedByAuctionAndStampedWithTheirDecisionTime() {
        send(open("a-1", T0.plusSeconds(60), 0), T0);

        TestRecord<String, AuctionEvent> record = events.readRecord();
        assertThat(record.key()).isEqualTo("a-1");
        assertThat(record.getRecordTime()).isEqualTo(T0);
    }

    @Test
    void rejectsBidBelowMinNextBidAndKeepsState() {
        send(open("a-1", T0.plusSeconds(60), 0), T0);
        send(new PlaceBid("c-2", "a-1", "bob", 1_000), T0.plusSeconds(1));
        send(new PlaceBid("c-3", "a-1", "carol", 1_099), T0.plusSeconds(2));

        assertThat(events.readValuesToList()).last().isEqualTo(new BidRejected("a-1:cmd:c-3", "a-1",
                T0.plusSeconds(2), "c-3", "carol", 1_099, RejectionReason.BID_TOO_LOW, 1_100L));
        assertThat(auctions().get("a-1").leader().bidderId()).isEqualTo("bob");
    }

    @Test
    void repeatedCommandIdPublishesNothingAndKeepsItsOriginalOutcome() {
        send(open("a-1", T0.plusSeconds(60), 0), T0);
        send(new PlaceBid("c-2", "a-1", "bob", 1_000), T0.plusSeconds(1));
        List<AuctionEvent> published = events.readValuesToList();
        CommandOutcome original = decidedCommands().get(DecidedCommands.key("a-1", "c-2"));
        assertThat(original).as("the stored outcome is the published event").isEqualTo(published.get(1));

        send(new PlaceBid("c-2", "a-1", "bob", 1_000), T0.plusSeconds(2));

        assertThat(events.isEmpty()).isTrue();
        assertThat(decidedCommands().get(DecidedCommands.key("a-1", "c-2"))).isEqualTo(original)
                .isInstanceOf(BidAccepted.class);
        assertThat(auctions().get("a-1").bidCount()).isEqualTo(1);
    }

    @Test
    void softCloseExtendsTheDeadlineInTheIndex() {
        send(open("a-1", T0.plusSeconds(60), 30), T0);
        send(new PlaceBid("c-2", "a-1", "bob", 1_000), T0.plusSeconds(50));

        assertThat(events.readValuesToList()).last().isEqualTo(new AuctionExtended("a-1:3", "a-1", 3,
                T0.plusSeconds(50), "c-2", T0.plusSeconds(60), T0.plusSeconds(80)));
        assertThat(deadlineKeys()).containsExactly(new DeadlineKey(T0.plusSeconds(80).toEpochMilli(), "a-1"));
    }

    @Test
    void closesAnAuctionOnceWhenTheTicksPassItsEnd() {
        send(open("a-1", T0.plusSeconds(1), 0), T0);
        send(new PlaceBid("c-2", "a-1", "bob", 1_000), T0.plusMillis(500));
        events.readValuesToList();

        driver.advanceWallClockTime(Duration.ofSeconds(2));
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        driver.advanceWallClockTime(Duration.ofSeconds(2));

        assertThat(events.readValuesToList()).containsExactly(new AuctionClosed("a-1:3", "a-1", 3, T0.plusSeconds(1),
                null, "sally", VOUCHER, CloseOutcome.SOLD, "bob", 1_000L, 1));
        assertThat(auctions().get("a-1")).isInstanceOf(Auction.Closed.class);
    }

    @Test
    void closesAuctionOnAPartitionWithNoOtherTraffic() {
        send(open("a-1", T0.plusSeconds(1), 0), T0);
        events.readValuesToList();

        driver.advanceWallClockTime(Duration.ofMillis(900));
        assertThat(events.isEmpty()).as("not due yet").isTrue();

        driver.advanceWallClockTime(Duration.ofMillis(200));
        assertThat(events.readValuesToList()).singleElement().isInstanceOfSatisfying(AuctionClosed.class,
                closed -> assertThat(closed.outcome()).isEqualTo(CloseOutcome.NO_BIDS));
    }

    @Test
    void closesAnEndWithSubMillisecondDigitsAndTheDeadlinesBehindIt() {
        Instant subMillisecondEnd = T0.plusSeconds(1).plusNanos(500_000);
        send(open("a-1", subMillisecondEnd, 0), T0);
        send(open("a-2", T0.plusSeconds(2), 0), T0);
        events.readValuesToList();

        driver.advanceWallClockTime(Duration.ofMillis(1_200));
        driver.advanceWallClockTime(Duration.ofMillis(1_200));

        assertThat(events.readValuesToList()).map(AuctionEvent::eventId).containsExactly("a-1:2", "a-2:2");
        assertThat(auctions().get("a-1")).isInstanceOfSatisfying(Auction.Closed.class,
                closed -> assertThat(closed.endsAt()).isEqualTo(subMillisecondEnd));
        Instant purgeA1 = subMillisecondEnd.plus(Duration.ofHours(24));
        assertThat(deadlineKeys()).as("only the purges are left, a-1's rounded up to the millisecond").containsExactly(
                new DeadlineKey(purgeA1.toEpochMilli() + 1, "a-1"),
                new DeadlineKey(T0.plusSeconds(2).plus(Duration.ofHours(24)).toEpochMilli(), "a-2"));
    }

    @Test
    void acceptsABidInTheMillisecondBeforeASubMillisecondEnd() {
        send(open("a-1", T0.plusSeconds(1).plusNanos(500_000), 0), T0);
        send(new PlaceBid("c-2", "a-1", "bob", 1_000), T0.plusSeconds(1));
        send(new PlaceBid("c-3", "a-1", "carol", 1_100), T0.plusSeconds(1).plusMillis(1));

        assertThat(events.readValuesToList()).map(AuctionEvent::eventId)
                .containsExactly("a-1:1", "a-1:2", "a-1:3", "a-1:cmd:c-3");
    }

    @Test
    void backlogOfBidsTimestampedBeforeTheEndIsDecidedBeforeTheClose() {
        send(open("a-1", T0.plusSeconds(10), 0), T0);
        // The engine falls behind: the wall clock is far past the end, but the bids below are still in the log.
        driver.advanceWallClockTime(Duration.ofSeconds(0));
        send(new PlaceBid("c-2", "a-1", "bob", 1_000), T0.plusMillis(9_998));
        send(new PlaceBid("c-3", "a-1", "carol", 1_100), T0.plusMillis(9_999));
        send(new PlaceBid("c-4", "a-1", "dave", 1_200), T0.plusMillis(10_000));

        List<AuctionEvent> decided = events.readValuesToList();
        assertThat(decided).extracting(AuctionEvent::eventId)
                .containsExactly("a-1:1", "a-1:2", "a-1:3", "a-1:4", "a-1:cmd:c-4");
        assertThat(decided.get(3)).isInstanceOfSatisfying(AuctionClosed.class, closed -> {
            assertThat(closed.winnerId()).isEqualTo("carol");
            assertThat(closed.price()).isEqualTo(1_100L);
            assertThat(closed.at()).isEqualTo(T0.plusSeconds(10));
        });
        assertThat(decided.get(4)).isInstanceOfSatisfying(BidRejected.class,
                late -> assertThat(late.reason()).isEqualTo(RejectionReason.AUCTION_CLOSED));
    }

    @Test
    void aTickBeforeTheEndClosesNothing() {
        send(open("a-1", T0.plusSeconds(10), 0), T0);
        events.readValuesToList();

        commands.pipeInput(new TestRecord<>(null, new Tick(0), T0.plusSeconds(9)));

        assertThat(events.isEmpty()).isTrue();
        assertThat(auctions().get("a-1")).isInstanceOf(Auction.Open.class);
    }

    @Test
    void ticksOnlyWhileAnAuctionIsDueAndThePartitionClockIsBehind() {
        TestOutputTopic<String, CommandLogEntry> commandLog = driver.createOutputTopic(
                Topics.AUCTION_COMMANDS.name(), Topics.AUCTION_COMMANDS.keySerde().deserializer(),
                Topics.AUCTION_COMMANDS.valueSerde().deserializer());
        send(open("a-1", T0.plusSeconds(1), 0), T0);

        driver.advanceWallClockTime(Duration.ofMillis(600));
        assertThat(commandLog.isEmpty()).as("nothing due yet").isTrue();

        driver.advanceWallClockTime(Duration.ofMillis(600));
        assertThat(commandLog.readValuesToList()).containsExactly(new Tick(0));
        assertThat(auctions().get("a-1")).isInstanceOf(Auction.Closed.class);

        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertThat(commandLog.isEmpty()).as("closed: nothing due until the purge").isTrue();
    }

    /**
     * TopologyTestDriver deserializes piped records itself and drops what the handler would send to the
     * dead-letter topic; {@code BidEngineApplicationIT} checks that part against a real broker.
     */
    @Test
    void malformedRecordIsSkippedAndTheNextRecordIsProcessed() {
        TestInputTopic<String, byte[]> raw = driver.createInputTopic(Topics.AUCTION_COMMANDS.name(),
                new StringSerializer(), new ByteArraySerializer());

        raw.pipeInput("a-1", "{\"type\":\"PlaceBid\",\"amount\":".getBytes(StandardCharsets.UTF_8), T0);
        raw.pipeInput("a-1", "{\"type\":\"Surrender\"}".getBytes(StandardCharsets.UTF_8), T0);
        send(open("a-1", T0.plusSeconds(60), 0), T0.plusSeconds(1));

        assertThat(events.readValuesToList()).singleElement().isInstanceOf(AuctionOpened.class);
    }

    @Test
    void commandKeyedByAnotherAuctionGoesToDeadLettersWithoutTouchingState() {
        TestOutputTopic<byte[], byte[]> deadLetters = driver.createOutputTopic(Topics.DEAD_LETTERS.name(),
                Topics.DEAD_LETTERS.keySerde().deserializer(), Topics.DEAD_LETTERS.valueSerde().deserializer());

        commands.pipeInput(new TestRecord<>("a-2", open("a-1", T0.plusSeconds(60), 0), T0));

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("a-2");
        assertThat(headerNames(dead)).anyMatch(name -> name.contains("exception"));
        assertThat(events.isEmpty()).isTrue();
        assertThat(auctions().get("a-1")).isNull();
    }

    @Test
    void reportsEachFirstDecisionAndTheCloseLagToTheObserver() {
        send(open("a-1", T0.plusSeconds(1), 0), T0);
        send(new PlaceBid("c-2", "a-1", "sally", 5_000), T0.plusMillis(10));
        send(new PlaceBid("c-2", "a-1", "sally", 5_000), T0.plusMillis(20));

        driver.advanceWallClockTime(Duration.ofMillis(1_200));

        assertThat(observer.decided).extracting(outcome -> outcome.getClass().getSimpleName())
                .containsExactly("AuctionOpened", "BidRejected");
        assertThat(observer.closeLags).singleElement()
                .satisfies(lag -> assertThat(lag).isBetween(Duration.ZERO, Duration.ofMillis(400)));
    }

    @Test
    void pagesOfOpenAuctionsFollowTheDeadlineIndexSkippingNoneAndFilterByBrand() {
        // Two share an end, so the id orders them; one is closed and one is another brand.
        send(open("a-3", T0.plusSeconds(30), 0), T0);
        send(open("a-1", T0.plusSeconds(20), 0), T0);
        send(open("a-2", T0.plusSeconds(20), 0), T0);
        send(open("a-0", T0.plusSeconds(5), 0), T0);
        send(new OpenAuction("c-1", "cu-1", "sally", new Item("CU", "Banana Milk", 1_700, LocalDate.parse("2027-06-30")),
                1_000, 100, null, null, T0.plusSeconds(25), 0), T0);
        send(new PlaceBid("c-9", "a-0", "bob", 1_000), T0.plusSeconds(1));
        send(new PlaceBid("c-10", "a-3", "bob", 1_000), T0.plusSeconds(6)); // a-0 has closed by now

        List<String> firstPage = openIds(null, null, 2);
        List<String> secondPage = openIds(AuctionStoreQueries.position(T0.plusSeconds(20), "a-2"), null, 2);
        List<String> lastPage = openIds(AuctionStoreQueries.position(T0.plusSeconds(30), "a-3"), null, 2);

        assertThat(firstPage).containsExactly("a-1", "a-2");
        assertThat(secondPage).containsExactly("cu-1", "a-3");
        assertThat(lastPage).isEmpty();
        assertThat(openIds(null, "starbucks", 10)).containsExactly("a-1", "a-2", "a-3");
        assertThat(openIds(AuctionStoreQueries.position(T0.plusSeconds(20), "a-1"), "Starbucks", 10))
                .containsExactly("a-2", "a-3");
    }

    private List<String> openIds(DeadlineKey after, String brand, int limit) {
        return AuctionStoreQueries.openEndingBefore(driver.getKeyValueStore(BidEngineTopology.DEADLINE_STORE),
                auctions(), Instant.MAX, after, brand, limit).stream().map(Auction::auctionId).toList();
    }

    @Test
    void aProxyBidDefendsTheLeaderKeepsTheMaximumInTheStoreAndOutOfTheEvents() {
        send(open("a-1", T0.plusSeconds(60), 0), T0);
        send(new PlaceBid("c-2", "a-1", "alice", 1_000, 5_000L), T0.plusSeconds(1));
        send(new PlaceBid("c-3", "a-1", "bob", 2_000), T0.plusSeconds(2));

        assertThat(events.readValuesToList()).containsExactly(
                new AuctionOpened("a-1:1", "a-1", 1, T0, "c-1", "sally", VOUCHER, 1_000, 100, null, null,
                        T0.plusSeconds(60), 0),
                new BidAccepted("a-1:2", "a-1", 2, T0.plusSeconds(1), "c-2", "alice", 1_000, null, null, 1, 1_100),
                new BidAccepted("a-1:3", "a-1", 3, T0.plusSeconds(2), "c-3", "bob", 2_000, "alice", 1_000L, 2, 2_100,
                        true, null),
                new BidRaisedByProxy("a-1:4", "a-1", 4, T0.plusSeconds(2), "c-3", "alice", 2_100, "bob", 2_000, 2,
                        2_200));
        assertThat(auctions().get("a-1").leader().maxAmount()).isEqualTo(5_000L);
        assertThat(decidedCommands().get(DecidedCommands.key("a-1", "c-3"))).isInstanceOf(BidAccepted.class);
    }

    @Test
    void theBidHistoryListsBidsAndProxyRaisesNewestFirstWithoutMaximums() {
        send(open("a-1", T0.plusSeconds(60), 0), T0);
        send(new PlaceBid("c-2", "a-1", "alice", 1_000, 5_000L), T0.plusSeconds(1));
        send(new PlaceBid("c-3", "a-1", "bob", 2_000), T0.plusSeconds(2));
        send(new PlaceBid("c-4", "a-1", "alice", 2_200, 9_000L), T0.plusSeconds(3)); // raises her own maximum
        send(new PlaceBid("c-5", "a-1", "carol", 6_000, 7_000L), T0.plusSeconds(4));

        assertThat(AuctionStoreQueries.bidHistory(bidHistory(), "a-1", 10)).containsExactly(
                new BidHistoryEntry(7, T0.plusSeconds(4), "alice", 7_100, true, false),
                new BidHistoryEntry(6, T0.plusSeconds(4), "carol", 6_000, false, true),
                new BidHistoryEntry(4, T0.plusSeconds(2), "alice", 2_100, true, false),
                new BidHistoryEntry(3, T0.plusSeconds(2), "bob", 2_000, false, true),
                new BidHistoryEntry(2, T0.plusSeconds(1), "alice", 1_000, false, false));
        assertThat(AuctionStoreQueries.bidHistory(bidHistory(), "a-1", 2)).extracting(BidHistoryEntry::seq)
                .containsExactly(7L, 6L);
        assertThat(AuctionStoreQueries.bidHistory(bidHistory(), "a-10", 10)).isEmpty();
    }

    @Test
    void theBidHistoryKeepsAnAuctionsLastHundredEntries() {
        send(open("a-1", T0.plusSeconds(3_600), 0), T0);
        for (int i = 0; i < 130; i++) {
            send(new PlaceBid("c-b" + i, "a-1", i % 2 == 0 ? "bob" : "carol", 1_000 + 100L * i),
                    T0.plusSeconds(1 + i));
        }

        List<BidHistoryEntry> history = AuctionStoreQueries.bidHistory(bidHistory(), "a-1", 1_000);
        assertThat(history).hasSize(BidHistory.KEPT_PER_AUCTION);
        assertThat(history.get(0).amount()).isEqualTo(1_000 + 100L * 129);
        assertThat(history.get(99).amount()).isEqualTo(1_000 + 100L * 30);
    }

    @Test
    void theBidHistoryGoesWithTheRetentionOfAnEndedAuction() {
        send(open("a-1", T0.plusSeconds(1), 0), T0);
        send(new PlaceBid("c-2", "a-1", "bob", 1_000), T0.plusMillis(500));
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        assertThat(AuctionStoreQueries.bidHistory(bidHistory(), "a-1", 10)).hasSize(1);

        send(open("a-2", T0.plus(Duration.ofHours(30)), 0), T0.plus(Duration.ofHours(25)));

        assertThat(AuctionStoreQueries.bidHistory(bidHistory(), "a-1", 10)).isEmpty();
    }

    @Test
    void describeHasNoGeneratedNames() {
        TopologyDescription description = BidEngineTopology.build(BidEngineConfig.DEFAULT).describe();

        assertThat(description.toString()).doesNotContain("KSTREAM-", "KTABLE-");
        assertThat(description.subtopologies()).singleElement().satisfies(sub -> assertThat(sub.nodes())
                .extracting(TopologyDescription.Node::name)
                .containsExactlyInAnyOrder(BidEngineTopology.COMMANDS_SOURCE, BidEngineTopology.COMMAND_PROCESSOR,
                        BidEngineTopology.PARTITION_TICKER, BidEngineTopology.EVENTS_SINK,
                        BidEngineTopology.TICKS_SINK));
        assertThat(description.toString()).contains(BidEngineTopology.AUCTION_STORE,
                BidEngineTopology.DEADLINE_STORE, BidEngineTopology.DECIDED_COMMAND_STORE,
                BidEngineTopology.BID_HISTORY_STORE);
    }

    private void send(AuctionCommand command, Instant brokerTime) {
        commands.pipeInput(new TestRecord<>(command.auctionId(), command, brokerTime));
    }

    private static OpenAuction open(String auctionId, Instant endsAt, long softCloseSeconds) {
        return new OpenAuction("c-1", auctionId, "sally", VOUCHER, 1_000, 100, null, null, endsAt, softCloseSeconds);
    }

    private KeyValueStore<String, Auction> auctions() {
        return driver.getKeyValueStore(BidEngineTopology.AUCTION_STORE);
    }

    private KeyValueStore<String, CommandOutcome> decidedCommands() {
        return driver.getKeyValueStore(BidEngineTopology.DECIDED_COMMAND_STORE);
    }

    private KeyValueStore<String, BidHistoryEntry> bidHistory() {
        return driver.getKeyValueStore(BidEngineTopology.BID_HISTORY_STORE);
    }

    private List<DeadlineKey> deadlineKeys() {
        KeyValueStore<DeadlineKey, DeadlineAction> store = driver.getKeyValueStore(BidEngineTopology.DEADLINE_STORE);
        try (var all = store.all()) {
            return StreamSupport.stream(((Iterable<KeyValue<DeadlineKey, DeadlineAction>>)
                    () -> all).spliterator(), false).map(kv -> kv.key).toList();
        }
    }

    private static List<String> headerNames(TestRecord<byte[], byte[]> record) {
        return StreamSupport.stream(record.headers().spliterator(), false).map(Header::key).toList();
    }

    private static final class RecordingObserver implements EngineObserver {
        final List<CommandOutcome> decided = new ArrayList<>();
        final List<Duration> closeLags = new ArrayList<>();

        @Override
        public void decided(CommandOutcome outcome) {
            decided.add(outcome);
        }

        @Override
        public void closedAtDeadline(AuctionClosed closed, Duration lag) {
            closeLags.add(lag);
        }
    }
}
