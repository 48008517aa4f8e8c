package io.gream.perf.drill;

import io.gream.contracts.AuctionEvent;
import io.gream.contracts.CommandLogEntry;
import io.gream.contracts.SettlementEvent;
import io.gream.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;

/**
 * Reads back what a drill left: every committed record of the three Gream topics (a {@code read_committed}
 * consumer, so aborted transactions of killed engines are not counted), the settlement database, and the run's
 * recorded answers and faults.
 */
final class RecordReader {

    private final ClusterLayout layout;

    RecordReader(ClusterLayout layout) {
        this.layout = layout;
    }

    DrillRecords read(Path run) throws SQLException {
        Deserializer<CommandLogEntry> commands = Topics.AUCTION_COMMANDS.valueSerde().deserializer();
        Deserializer<AuctionEvent> events = Topics.AUCTION_EVENTS.valueSerde().deserializer();
        Deserializer<SettlementEvent> settlements = Topics.SETTLEMENT_EVENTS.valueSerde().deserializer();
        List<DrillRecords.Command> commandRecords = readTopic(Topics.AUCTION_COMMANDS.name(), (record, topic) ->
                new DrillRecords.Command(record.partition(), record.offset(), record.timestamp(), record.key(),
                        commands.deserialize(topic, record.value())));
        List<DrillRecords.Event> eventRecords = readTopic(Topics.AUCTION_EVENTS.name(), (record, topic) ->
                new DrillRecords.Event(record.partition(), record.offset(), events.deserialize(topic, record.value())));
        List<SettlementEvent> settlementRecords = readTopic(Topics.SETTLEMENT_EVENTS.name(), (record, topic) ->
                settlements.deserialize(topic, record.value()));
        List<DrillRecords.SettlementRow> rows = new ArrayList<>();
        List<DrillRecords.LedgerLine> ledger = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(ClusterLayout.MARIADB + ClusterLayout.SETTLEMENT_DB, "root",
                ""); Statement statement = db.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "SELECT auction_id, state, winner_id, price, payment_key FROM settlement")) {
                while (rs.next()) {
                    rows.add(new DrillRecords.SettlementRow(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getLong(4), rs.getString(5)));
                }
            }
            try (ResultSet rs = statement.executeQuery(
                    "SELECT journal_id, entry_type, account, amount FROM ledger_line")) {
                while (rs.next()) {
                    ledger.add(new DrillRecords.LedgerLine(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getLong(4)));
                }
            }
        }
        return new DrillRecords(commandRecords, eventRecords, settlementRecords, rows, ledger,
                AnswerLog.readAnswers(run.resolve("bids.csv")), AnswerLog.readAnswers(run.resolve("queries.csv")),
                AnswerLog.readFaults(run.resolve("faults.csv")));
    }

    /**
     * Settlement progress as "rows/pending" (e.g. {@code 412/0}), or {@code "?"} when the table is not there yet:
     * the drill waits until this stops changing with nothing pending.
     */
    String settlementProgress() {
        try (Connection db = DriverManager.getConnection(ClusterLayout.MARIADB + ClusterLayout.SETTLEMENT_DB, "root",
                ""); Statement statement = db.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT COUNT(*), SUM(CASE WHEN state = 'PENDING' THEN 1 ELSE 0 END) FROM settlement")) {
            rs.next();
            return rs.getLong(1) + "/" + rs.getLong(2);
        } catch (SQLException e) {
            return "?";
        }
    }

    /**
     * Waits for a settlement that is PENDING (its charge in flight), so a worker kill lands mid-batch, up to
     * {@code timeout}. Until the first settlement exists (auctions close from a quarter into the bidding) it looks
     * once a second; then every 10 ms, since a charge through the simulated gateway is pending for milliseconds.
     */
    Optional<String> awaitPendingSettlement(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection db = DriverManager.getConnection(ClusterLayout.MARIADB + ClusterLayout.SETTLEMENT_DB, "root",
                ""); PreparedStatement any = db.prepareStatement("SELECT 1 FROM settlement LIMIT 1");
             PreparedStatement pending = db.prepareStatement(
                     "SELECT auction_id FROM settlement WHERE state = 'PENDING' LIMIT 1")) {
            boolean settling = false;
            while (System.nanoTime() < deadline) {
                settling = settling || exists(any);
                if (settling) {
                    try (ResultSet rs = pending.executeQuery()) {
                        if (rs.next()) {
                            return Optional.of(rs.getString(1));
                        }
                    }
                }
                LockSupport.parkNanos(Duration.ofMillis(settling ? 10 : 1_000).toNanos());
            }
        } catch (SQLException e) {
            System.out.println("[drill] cannot watch the settlements: " + e);
        }
        return Optional.empty();
    }

    private static boolean exists(PreparedStatement query) throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            return rs.next();
        }
    }

    /** Every committed record of a topic, skipping (and counting) records that do not deserialize. */
    private <T> List<T> readTopic(String topic, BiFunction<ConsumerRecord<String, byte[]>, String, T> map) {
        List<T> out = new ArrayList<>();
        int unreadable = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, layout.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end in 5 minutes");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    try {
                        out.add(map.apply(record, topic));
                    } catch (RuntimeException e) {
                        unreadable++;
                    }
                }
            }
        }
        System.out.printf("[verify] read %d records of %s%s%n", out.size(), topic,
                unreadable > 0 ? " (" + unreadable + " unreadable, skipped)" : "");
        return out;
    }
}
