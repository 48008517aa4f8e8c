package io.gream.docs.topics;

import io.gream.contracts.AuctionCommand;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.CancelAuction;
import io.gream.contracts.CommandLogEntry;
import io.gream.contracts.GreamJson;
import io.gream.contracts.Item;
import io.gream.contracts.OpenAuction;
import io.gream.contracts.PlaceBid;
import io.gream.contracts.Tick;
import io.gream.contracts.Topics;
import io.gream.engine.topology.BidEngineConfig;
import io.gream.engine.topology.BidEngineTopology;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A short scripted day on the marketplace, run through the real bid-engine topology, whose records become the
 * example payloads of the topic catalog.
 *
 * <p>The commands are the ones a user would send; the events are whatever the engine decides for them, and the
 * {@code Tick} is one the engine's own ticker appended, so every example is a payload the system really produces.
 * Record times and the wall clock are fixed, so the examples are the same on every run. This is not a test of the
 * engine (bid-engine has those); if the engine's decisions change, the generated catalog changes with them.
 */
final class EngineScenario {

    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private static final Item AMERICANO =
            new Item("Starbucks", "Caffe Americano Tall", 4_500, LocalDate.parse("2027-03-31"));
    private static final Item PINT = new Item("Baskin Robbins", "Pint", 9_800, LocalDate.parse("2027-01-15"));
    private static final Item CAKE = new Item("Paris Baguette", "Strawberry Cake", 30_000,
            LocalDate.parse("2027-02-28"));

    private final List<Object> records;

    private EngineScenario(List<Object> records) {
        this.records = List.copyOf(records);
    }

    /** Runs the scenario; every command sent, tick appended and event decided, in log order per topic. */
    static EngineScenario run() {
        Path stateDir = createStateDir();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-docs-examples");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        List<Object> records = new ArrayList<>();
        try (TopologyTestDriver driver = new TopologyTestDriver(BidEngineTopology.build(BidEngineConfig.DEFAULT),
                props, T0)) {
            TestInputTopic<String, CommandLogEntry> commands = driver.createInputTopic(Topics.AUCTION_COMMANDS.name(),
                    Topics.AUCTION_COMMANDS.keySerde().serializer(), Topics.AUCTION_COMMANDS.valueSerde().serializer());
            TestOutputTopic<String, CommandLogEntry> commandLog = driver.createOutputTopic(
                    Topics.AUCTION_COMMANDS.name(), Topics.AUCTION_COMMANDS.keySerde().deserializer(),
                    Topics.AUCTION_COMMANDS.valueSerde().deserializer());
            TestOutputTopic<String, AuctionEvent> events = driver.createOutputTopic(Topics.AUCTION_EVENTS.name(),
                    Topics.AUCTION_EVENTS.keySerde().deserializer(), Topics.AUCTION_EVENTS.valueSerde().deserializer());

            List<Sent> script = List.of(
                    new Sent(T0, new OpenAuction("cmd-7f3a", "auction-1001", "seller-17", AMERICANO, 3_000, 100,
                            3_500L, 4_300L, T0.plus(Duration.ofHours(1)), 120)),
                    new Sent(T0.plusSeconds(60), new OpenAuction("cmd-7f3b", "auction-1002", "seller-17", PINT,
                            5_000, 500, null, null, T0.plus(Duration.ofHours(2)), 0)),
                    new Sent(T0.plusSeconds(120), new CancelAuction("cmd-1c9e", "auction-1002", "bidder-8")),
                    new Sent(T0.plusSeconds(180), new CancelAuction("cmd-7f3c", "auction-1002", "seller-17")),
                    new Sent(T0.plus(Duration.ofMinutes(5)), new PlaceBid("cmd-b201", "auction-1001", "bidder-42",
                            3_200)),
                    new Sent(T0.plus(Duration.ofMinutes(20)), new PlaceBid("cmd-b202", "auction-1001", "bidder-8",
                            3_250)),
                    // Proxy bids on a third auction: bidder-42's maximum outbids bidder-8's bid at once, then
                    // bidder-5's higher maximum takes the lead one increment above bidder-42's.
                    new Sent(T0.plus(Duration.ofMinutes(6)), new OpenAuction("cmd-7f3d", "auction-1003", "seller-17",
                            CAKE, 20_000, 500, null, null, T0.plus(Duration.ofHours(3)), 0)),
                    new Sent(T0.plus(Duration.ofMinutes(10)), new PlaceBid("cmd-p301", "auction-1003", "bidder-42",
                            20_000, 24_000L)),
                    new Sent(T0.plus(Duration.ofMinutes(12)), new PlaceBid("cmd-p302", "auction-1003", "bidder-8",
                            21_000)),
                    new Sent(T0.plus(Duration.ofMinutes(15)), new PlaceBid("cmd-p303", "auction-1003", "bidder-5",
                            22_000, 30_000L)),
                    // Inside the two-minute soft-close window: accepted, and the end moves.
                    new Sent(T0.plus(Duration.ofMinutes(59)), new PlaceBid("cmd-b203", "auction-1001", "bidder-8",
                            3_600)));
            for (Sent sent : script) {
                records.add(sent.command());
                commands.pipeInput(sent.command().auctionId(), sent.command(), sent.at());
            }
            // Nobody writes after the last bid: the engine's ticker closes auction-1001 once its extended end passes.
            for (int i = 0; i < 65; i++) {
                driver.advanceWallClockTime(Duration.ofMinutes(1));
            }
            commandLog.readValuesToList().stream().filter(Tick.class::isInstance).forEach(records::add);
            List<AuctionEvent> decided = events.readValuesToList();
            records.addAll(decided);
            records.addAll(SettlementExamples.of(decided));
            records.addAll(SecondChanceExamples.of(decided));
        } finally {
            deleteRecursively(stateDir);
        }
        return new EngineScenario(records);
    }

    /**
     * The example of a type: the record of that type with the most properties present (so optional fields show),
     * the latest among equals (the scenario tries the wrong way before the right one).
     */
    Optional<Object> exampleOf(Class<?> type) {
        return records.stream()
                .filter(type::isInstance)
                .max(Comparator.comparingInt(EngineScenario::presentProperties)
                        .thenComparingInt(records::indexOf));
    }

    List<Object> records() {
        return records;
    }

    private static int presentProperties(Object record) {
        return GreamJson.mapper().valueToTree(record).size();
    }

    private record Sent(Instant at, AuctionCommand command) {
    }

    private static Path createStateDir() {
        try {
            return Files.createTempDirectory("gream-topology-docs-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
