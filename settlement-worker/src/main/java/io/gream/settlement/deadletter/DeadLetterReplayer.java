package io.gream.settlement.deadletter;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Reads {@code gream.dead-letters} from the start and replays chosen dead letters to their original topic, with the
 * original key and value and a {@value #REPLAYED_FROM} header. Idempotent: each replay first inserts a row keyed by
 * the original record's topic, partition and offset, and sends inside that transaction, so a dead letter already
 * replayed is skipped and one whose send failed is not marked. Limit: a crash after the send and before the commit
 * may replay it once more; the consumers downstream are idempotent by event id.
 */
class DeadLetterReplayer {

    static final String REPLAYED_FROM = "gream-replayed-from";

    /** Most dead letters one listing or replay reads. */
    static final int LIMIT = 1_000;

    private final Map<String, Object> consumerSettings;
    private final String topic;
    private final KafkaTemplate<Object, Object> template;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DeadLetterReplayer(Map<String, Object> consumerSettings, String topic, KafkaTemplate<Object, Object> template,
                       JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.consumerSettings = consumerSettings;
        this.topic = topic;
        this.template = template;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** @param replayed whether it was replayed already */
    record Listed(DeadLetter letter, boolean replayed) {
    }

    /** The result of a replay: {@code replayed} now, or {@code skipped} because it had been before. */
    record Replay(int partition, long offset, String sourceTopic, String outcome) {
    }

    List<Listed> list() {
        return read(letter -> true).stream().map(letter -> new Listed(letter, replayed(letter))).toList();
    }

    List<Replay> replay(Predicate<DeadLetter> which) {
        List<Replay> replays = new ArrayList<>();
        for (DeadLetter letter : read(which)) {
            if (!letter.replayable()) {
                replays.add(new Replay(letter.partition(), letter.offset(), letter.sourceTopic(), "not-replayable"));
                continue;
            }
            boolean sent = Boolean.TRUE.equals(transactions.execute(status -> {
                try {
                    jdbc.update("""
                            INSERT INTO dead_letter_replay (original_topic, original_partition, original_offset,
                              dead_letter_partition, dead_letter_offset, replayed_at) VALUES (?, ?, ?, ?, ?, ?)
                            """, letter.sourceTopic(), letter.sourcePartition(), letter.sourceOffset(),
                            letter.partition(), letter.offset(), Timestamp.from(clock.instant()));
                } catch (DuplicateKeyException e) {
                    return false;
                }
                send(letter);
                return true;
            }));
            replays.add(new Replay(letter.partition(), letter.offset(), letter.sourceTopic(),
                    sent ? "replayed" : "skipped"));
        }
        return replays;
    }

    private void send(DeadLetter letter) {
        ProducerRecord<Object, Object> record = new ProducerRecord<>(letter.sourceTopic(), null, letter.key(),
                letter.value());
        record.headers().add(REPLAYED_FROM, (topic + "-" + letter.partition() + "@" + letter.offset())
                .getBytes(StandardCharsets.UTF_8));
        try {
            template.send(record).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying", e);
        } catch (Exception e) {
            throw new IllegalStateException("could not replay " + topic + "-" + letter.partition() + "@"
                    + letter.offset() + ": " + e.getMessage(), e);
        }
    }

    private boolean replayed(DeadLetter letter) {
        Integer rows = jdbc.queryForObject("""
                SELECT COUNT(*) FROM dead_letter_replay
                WHERE original_topic = ? AND original_partition = ? AND original_offset = ?
                """, Integer.class, letter.sourceTopic(), letter.sourcePartition(), letter.sourceOffset());
        return rows != null && rows > 0;
    }

    private List<DeadLetter> read(Predicate<DeadLetter> which) {
        Map<String, Object> settings = new HashMap<>(consumerSettings);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            while (letters.size() < LIMIT && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    DeadLetter letter = DeadLetter.of(record);
                    if (record.offset() < end.get(new TopicPartition(topic, record.partition()))
                            && which.test(letter) && letters.size() < LIMIT) {
                        letters.add(letter);
                    }
                }
            }
        }
        return letters;
    }
}
