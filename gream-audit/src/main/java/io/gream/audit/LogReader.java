package io.gream.audit;

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

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Reads what the audit checks: every committed record of the three Gream topics (a {@code read_committed}
 * consumer, so aborted transactions of killed engines are not counted) and, given a JDBC URL, the settlement table
 * and the ledger.
 *
 * <p>It reads everything into memory, up to each partition's end at the time of reading: a log of millions of
 * records needs a heap to match, and records appended while it reads are left for the next audit.
 */
public final class LogReader {

    /** The settlement database, as the settlement-worker writes it. */
    public record Database(String jdbcUrl, String user, String password) {
    }

    private final Map<String, Object> consumerSettings;

    /**
     * @param bootstrapServers the cluster
     * @param consumerSettings further consumer settings, e.g. security; they cannot turn off {@code read_committed}
     */
    public LogReader(String bootstrapServers, Map<String, String> consumerSettings) {
        Map<String, Object> settings = new HashMap<>(consumerSettings);
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        this.consumerSettings = Map.copyOf(settings);
    }

    public LogRecords read(Optional<Database> database) throws SQLException {
        Deserializer<CommandLogEntry> commands = Topics.AUCTION_COMMANDS.valueSerde().deserializer();
        Deserializer<AuctionEvent> events = Topics.AUCTION_EVENTS.valueSerde().deserializer();
        Deserializer<SettlementEvent> settlements = Topics.SETTLEMENT_EVENTS.valueSerde().deserializer();
        List<LogRecords.Command> commandRecords = readTopic(Topics.AUCTION_COMMANDS.name(), (record, topic) ->
                new LogRecords.Command(record.partition(), record.offset(), record.timestamp(), record.key(),
                        commands.deserialize(topic, record.value())));
        List<LogRecords.Event> eventRecords = readTopic(Topics.AUCTION_EVENTS.name(), (record, topic) ->
                new LogRecords.Event(record.partition(), record.offset(), events.deserialize(topic, record.value())));
        List<SettlementEvent> settlementRecords = readTopic(Topics.SETTLEMENT_EVENTS.name(), (record, topic) ->
                settlements.deserialize(topic, record.value()));
        List<LogRecords.SettlementRow> rows = new ArrayList<>();
        List<LogRecords.LedgerLine> ledger = new ArrayList<>();
        if (database.isPresent()) {
            try (Connection db = DriverManager.getConnection(database.get().jdbcUrl(), database.get().user(),
                    database.get().password()); Statement statement = db.createStatement()) {
                try (ResultSet rs = statement.executeQuery(
                        "SELECT auction_id, state, winner_id, price, payment_key FROM settlement")) {
                    while (rs.next()) {
                        rows.add(new LogRecords.SettlementRow(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getLong(4), rs.getString(5)));
                    }
                }
                try (ResultSet rs = statement.executeQuery(
                        "SELECT journal_id, entry_type, account, amount FROM ledger_line")) {
                    while (rs.next()) {
                        ledger.add(new LogRecords.LedgerLine(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getLong(4)));
                    }
                }
            }
            System.out.printf("[audit] read %d settlement rows and %d ledger lines%n", rows.size(), ledger.size());
        }
        return new LogRecords(commandRecords, eventRecords, settlementRecords, rows, ledger, database.isPresent());
    }

    /** Every committed record of a topic, skipping (and counting) records that do not deserialize. */
    private <T> List<T> readTopic(String topic, BiFunction<ConsumerRecord<String, byte[]>, String, T> map) {
        List<T> out = new ArrayList<>();
        int unreadable = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerSettings, new StringDeserializer(),
                new ByteArrayDeserializer())) {
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
        System.out.printf("[audit] read %d records of %s%s%n", out.size(), topic,
                unreadable > 0 ? " (" + unreadable + " unreadable, skipped)" : "");
        return out;
    }
}
