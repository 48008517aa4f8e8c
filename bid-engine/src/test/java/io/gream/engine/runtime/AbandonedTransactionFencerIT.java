package io.gream.engine.runtime;

import io.gream.engine.EngineTestSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The fencer against a real broker: a transaction left open by a process that is not in the group is aborted, so a
 * {@code read_committed} reader (a changelog restore) can reach the end of the partition at once; a member's
 * transaction, or one younger than {@link AbandonedTransactionFencer#MIN_AGE}, is left alone.
 */
class AbandonedTransactionFencerIT {

    /** The clock of a fencer looking once the transactions under test have been open longer than the minimum. */
    private static final Clock LATER = Clock.offset(Clock.systemUTC(), AbandonedTransactionFencer.MIN_AGE);

    private static EmbeddedKafkaKraftBroker broker;
    private static Admin admin;

    /** Each test's own application and changelog: a failing test leaves no open transaction in another's way. */
    private final String app = "fencer-it-" + UUID.randomUUID().toString().substring(0, 8);
    private final TopicPartition changelog = new TopicPartition(app + "-changelog", 0);
    private final String self = UUID.randomUUID().toString();
    private final List<AutoCloseable> clients = new ArrayList<>();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EngineTestSupport.startBroker();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
    }

    @AfterAll
    static void stopBroker() {
        admin.close();
        broker.destroy();
    }

    @BeforeEach
    void createChangelog() throws Exception {
        admin.createTopics(List.of(new NewTopic(changelog.topic(), 1, (short) 1))).all().get();
    }

    @AfterEach
    void closeClients() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
    }

    @Test
    void abortsTheOpenTransactionOfAProcessThatLeftTheGroup() throws Exception {
        joinGroupAs(self);
        String dead = UUID.randomUUID().toString();
        KafkaProducer<String, String> deadProducer = openTransaction(dead);
        assertThat(committedEnd()).as("the open transaction holds readers back").isLessThan(end());

        List<String> fenced = fencer(self, LATER).fenceAbandoned();

        assertThat(fenced).containsExactly(app + "-" + dead + "-1");
        await().atMost(EngineTestSupport.TIMEOUT).until(() -> committedEnd() == end());
        assertThatThrownBy(deadProducer::commitTransaction).isInstanceOf(KafkaException.class);
    }

    @Test
    void leavesTheTransactionOfAGroupMemberAlone() throws Exception {
        joinGroupAs(self);
        KafkaProducer<String, String> member = openTransaction(self);

        assertThat(fencer(self, LATER).fenceAbandoned()).isEmpty();

        member.commitTransaction(); // throws if the member's producer was fenced
        await().atMost(EngineTestSupport.TIMEOUT).until(() -> committedEnd() == end());
    }

    @Test
    void leavesATransactionYoungerThanTheMinimumAlone() throws Exception {
        joinGroupAs(self);
        KafkaProducer<String, String> young = openTransaction(UUID.randomUUID().toString());

        assertThat(fencer(self, Clock.systemUTC()).fenceAbandoned()).isEmpty();

        young.commitTransaction();
    }

    @Test
    void doesNothingUntilItSeesItselfInTheGroup() throws Exception {
        joinGroupAs(UUID.randomUUID().toString()); // another instance: the group has members, this one not yet
        KafkaProducer<String, String> orphan = openTransaction(UUID.randomUUID().toString());

        assertThat(fencer(self, LATER).fenceAbandoned()).as("this instance has not joined").isEmpty();

        orphan.commitTransaction();
    }

    private AbandonedTransactionFencer fencer(String process, Clock clock) {
        return new AbandonedTransactionFencer(admin, app, () -> true,
                () -> Optional.of(app + "-" + process + "-StreamThread-1-consumer"), clock);
    }

    /** A consumer in the group with the client id Kafka Streams gives a stream thread of {@code process}. */
    private void joinGroupAs(String process) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, app,
                ConsumerConfig.CLIENT_ID_CONFIG, app + "-" + process + "-StreamThread-1-consumer"),
                new StringDeserializer(), new StringDeserializer());
        clients.add(consumer);
        consumer.subscribe(List.of(changelog.topic()));
        await().atMost(EngineTestSupport.TIMEOUT).until(() -> {
            consumer.poll(Duration.ofMillis(100));
            return !consumer.assignment().isEmpty();
        });
    }

    /** A transaction of {@code process}'s first stream thread with one record in it, left open. */
    private KafkaProducer<String, String> openTransaction(String process) throws Exception {
        KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, app + "-" + process + "-1"),
                new StringSerializer(), new StringSerializer());
        clients.add(() -> producer.close(Duration.ZERO));
        producer.initTransactions();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(changelog.topic(), 0, "auction-1", "state")).get();
        return producer;
    }

    private long end() throws Exception {
        return endOffset(IsolationLevel.READ_UNCOMMITTED);
    }

    private long committedEnd() throws Exception {
        return endOffset(IsolationLevel.READ_COMMITTED);
    }

    private long endOffset(IsolationLevel isolation) throws Exception {
        return admin.listOffsets(Map.of(changelog, OffsetSpec.latest()), new ListOffsetsOptions(isolation))
                .partitionResult(changelog).get().offset();
    }
}
