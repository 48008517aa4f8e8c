package io.gream.audit;

import io.gream.contracts.AuctionClosed;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.BidAccepted;
import io.gream.contracts.CommandLogEntry;
import io.gream.contracts.Item;
import io.gream.contracts.OpenAuction;
import io.gream.contracts.PlaceBid;
import io.gream.contracts.SettlementCompleted;
import io.gream.contracts.SettlementEvent;
import io.gream.contracts.Tick;
import io.gream.contracts.Topic;
import io.gream.contracts.Topics;
import io.gream.engine.EngineTestSupport;
import io.gream.engine.topology.BidEngineConfig;
import io.gream.engine.topology.BidEngineTopology;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line against a real broker and a real MariaDB: an intact log (the events are what the real topology
 * decides for its commands) passes, and a planted wrong winner, seq gap and double charge are each named.
 */
class AuditCommandIT {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/";
    /** The schema the settlement-worker creates, read from its migration so the two cannot drift. */
    private static final Path SCHEMA =
            Path.of("../settlement-worker/src/main/resources/db/migration/common/V1__settlement_and_ledger.sql");

    @TempDir
    Path stateDir;

    private EmbeddedKafkaKraftBroker broker;
    private String database;
    private final Map<CommandLogEntry, Long> commands = new LinkedHashMap<>();
    private List<AuctionEvent> events;
    private final List<SettlementEvent> settlementEvents = new ArrayList<>();

    @BeforeEach
    void startBrokerAndDatabase() throws Exception {
        broker = EngineTestSupport.startBroker();
        broker.addTopics(new NewTopic(Topics.AUCTION_COMMANDS.name(), 1, (short) 1),
                new NewTopic(Topics.AUCTION_EVENTS.name(), 1, (short) 1),
                new NewTopic(Topics.SETTLEMENT_EVENTS.name(), 1, (short) 1));
        database = "gream_audit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection server = DriverManager.getConnection(MARIADB, "root", "");
             Statement statement = server.createStatement()) {
            statement.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        try (Connection db = DriverManager.getConnection(MARIADB + database, "root", "");
             Statement statement = db.createStatement()) {
            for (String ddl : Files.readString(SCHEMA).replaceAll("(?m)^\\s*--.*$", "").split(";")) {
                if (!ddl.isBlank()) {
                    statement.execute(ddl);
                }
            }
        }
        intactHistory();
    }

    @AfterEach
    void stop() throws SQLException {
        broker.destroy();
        try (Connection server = DriverManager.getConnection(MARIADB, "root", "");
             Statement statement = server.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    @Test
    void provesAnIntactLogAndLedger() throws Exception {
        write(events);

        Result result = audit();

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("ALL 9 CHECKS HOLD: 6 commands, 6 auction events, 1 settlement events, "
                + "1 settlement rows, 3 ledger lines").doesNotContain("FAIL");
    }

    @Test
    void namesAPlantedWrongWinner() throws Exception {
        write(events.stream().map(e -> e instanceof AuctionClosed c ? new AuctionClosed(c.eventId(), c.auctionId(),
                c.seq(), c.at(), c.commandId(), c.sellerId(), c.item(), c.outcome(), "b1", 1_000L, c.bidCount())
                : e).toList());

        Result result = audit();

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.output()).contains("FIRST DIFFERENCE  winners and prices equal a sequential replay: "
                + "a1 closed at seq 4: found SOLD to b1 at 1000, replay expects SOLD to b2 at 1100");
    }

    @Test
    void namesAPlantedSeqGap() throws Exception {
        write(events.stream().filter(e -> !(e instanceof BidAccepted a && a.commandId().equals("c1"))).toList());

        Result result = audit();

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.output()).contains(
                "FIRST DIFFERENCE  seq gapless per auction: a1 at partition 0 offset 2: seq 3, expected 2");
    }

    @Test
    void namesAPlantedDoubleCharge() throws Exception {
        SettlementCompleted first = (SettlementCompleted) settlementEvents.get(0);
        settlementEvents.add(new SettlementCompleted("a1:settlement-2", first.auctionId(), first.at().plusSeconds(5),
                first.closeEventId(), first.winnerId(), first.sellerId(), first.price(), first.fee(),
                first.sellerProceeds(), first.currency(), "sim-2"));
        write(events);

        Result result = audit();

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.output()).contains("FIRST DIFFERENCE  one charge per sold auction: a1 charged under 2 "
                + "payment keys");
    }

    /**
     * One auction opened, bid on (accepted, too low, accepted), closed by a tick after its deadline (sold to b2 at
     * 1,100), a late bid rejected, then settled and journaled. The events are the real topology's decisions.
     */
    private void intactHistory() {
        commands.put(new OpenAuction("open-1", "a1", "s1", new Item("Audit", "Voucher", 10_000,
                LocalDate.of(2031, 1, 1)), 1_000, 100, null, null, T0.plusSeconds(10), 0), 1_000L);
        commands.put(new PlaceBid("c1", "a1", "b1", 1_000), 2_000L);
        commands.put(new PlaceBid("c2", "a1", "b2", 1_050), 3_000L);
        commands.put(new PlaceBid("c3", "a1", "b2", 1_100), 4_000L);
        commands.put(new Tick(0), 11_000L);
        commands.put(new PlaceBid("c4", "a1", "b1", 1_300), 12_000L);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "audit-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        try (TopologyTestDriver engine = new TopologyTestDriver(BidEngineTopology.build(BidEngineConfig.DEFAULT),
                props, T0)) {
            TestInputTopic<String, CommandLogEntry> in = engine.createInputTopic(Topics.AUCTION_COMMANDS.name(),
                    Topics.AUCTION_COMMANDS.keySerde().serializer(), Topics.AUCTION_COMMANDS.valueSerde().serializer());
            commands.forEach((command, at) -> in.pipeInput(key(command), command, T0.plusMillis(at)));
            events = engine.createOutputTopic(Topics.AUCTION_EVENTS.name(), Topics.AUCTION_EVENTS.keySerde()
                    .deserializer(), Topics.AUCTION_EVENTS.valueSerde().deserializer()).readValuesToList();
        }
        assertThat(events).hasSize(6).element(4).isInstanceOf(AuctionClosed.class);
        settlementEvents.add(new SettlementCompleted("a1:settlement", "a1", T0.plusSeconds(13), "a1:4", "b2", "s1",
                1_100, 110, 990, "KRW", "sim-1"));
    }

    private void write(List<AuctionEvent> auctionEvents) throws Exception {
        try (KafkaProducer<String, byte[]> producer = EngineTestSupport.idempotentProducer(broker)) {
            for (Map.Entry<CommandLogEntry, Long> command : commands.entrySet()) {
                send(producer, Topics.AUCTION_COMMANDS, key(command.getKey()), command.getKey(), command.getValue());
            }
            for (AuctionEvent event : auctionEvents) {
                send(producer, Topics.AUCTION_EVENTS, event.auctionId(), event, event.at().toEpochMilli() - T0.toEpochMilli());
            }
            for (SettlementEvent event : settlementEvents) {
                send(producer, Topics.SETTLEMENT_EVENTS, event.auctionId(), event,
                        event.at().toEpochMilli() - T0.toEpochMilli());
            }
        }
        try (Connection db = DriverManager.getConnection(MARIADB + database, "root", "");
             Statement statement = db.createStatement()) {
            statement.execute("INSERT INTO settlement (auction_id, close_event_id, closed_at, winner_id, seller_id, "
                    + "price, currency, order_name, idempotency_key, state, payment_key, fee, seller_proceeds) VALUES "
                    + "('a1', 'a1:4', '2026-01-01 00:00:10', 'b2', 's1', 1100, 'KRW', 'Audit Voucher', 'gream-a1', "
                    + "'COMPLETED', 'sim-1', 110, 990)");
            statement.execute("INSERT INTO ledger_line (journal_id, entry_type, account, amount, currency, recorded_at) "
                    + "VALUES ('a1', 'BUYER_PAYMENT', 'buyer:b2', 1100, 'KRW', '2026-01-01 00:00:13'), "
                    + "('a1', 'SELLER_PROCEEDS', 'seller:s1', -990, 'KRW', '2026-01-01 00:00:13'), "
                    + "('a1', 'PLATFORM_FEE', 'platform:fees', -110, 'KRW', '2026-01-01 00:00:13')");
        }
    }

    private static <V> void send(KafkaProducer<String, byte[]> producer, Topic<String, V> topic, String key, V value,
                                 long atMillis) throws Exception {
        producer.send(new ProducerRecord<>(topic.name(), 0, T0.toEpochMilli() + atMillis, key,
                topic.valueSerde().serializer().serialize(topic.name(), value))).get();
    }

    private static String key(CommandLogEntry command) {
        return command instanceof io.gream.contracts.AuctionCommand c ? c.auctionId() : "tick";
    }

    private Result audit() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int exit = AuditCommand.commandLine(new PrintStream(buffer, true, StandardCharsets.UTF_8)).execute(
                "--bootstrap-servers=" + broker.getBrokersAsString(), "--jdbc-url=" + MARIADB + database,
                "--jdbc-user=root", "--jdbc-password=");
        return new Result(exit, buffer.toString(StandardCharsets.UTF_8));
    }

    private record Result(int exit, String output) {
    }
}
