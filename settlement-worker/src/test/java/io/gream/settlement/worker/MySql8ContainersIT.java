package io.gream.settlement.worker;

import io.gream.contracts.AuctionClosed;
import io.gream.contracts.CloseOutcome;
import io.gream.contracts.Item;
import io.gream.contracts.Topics;
import io.gream.settlement.LedgerInvariants;
import io.gream.settlement.MutableClock;
import io.gream.settlement.SettlementWorkerApplication;
import io.gream.settlement.payment.IdempotencyKeys;
import io.gream.settlement.payment.SimulatedPaymentGateway;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mysql.MySQLContainer;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The worker on MySQL 8 itself (Connector/J, the production driver) and a containerised Kafka broker: the schema and
 * its SIGNAL triggers migrate, a sale settles with a balanced journal, the ledger refuses UPDATE and DELETE, and a
 * sale during a gateway outage waits PENDING and is charged once when it returns. Skipped where Docker is missing.
 */
@Testcontainers(disabledWithoutDocker = true)
class MySql8ContainersIT {

    @Container
    static final MySQLContainer MYSQL = new MySQLContainer("mysql:8.4");

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    private ConfigurableApplicationContext worker;

    @AfterEach
    void stopWorkerAndCheckTheLedger() {
        if (worker != null) {
            worker.close();
        }
        LedgerInvariants.assertHold(dataSource());
    }

    @Test
    void settlesOnMySql8AndItsTriggersKeepTheLedgerAppendOnly() throws Exception {
        SimulatedPaymentGateway gateway = new SimulatedPaymentGateway(SimulatedPaymentGateway.Settings.reliable());
        worker = start(gateway, new MutableClock(Instant.parse("2026-11-20T10:00:01Z")));
        String auctionId = "a-" + UUID.randomUUID();

        publish(auctionId, 12_345);
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(state(auctionId)));

        assertThat(gateway.chargesTaken(IdempotencyKeys.forAuction(auctionId))).isEqualTo(1);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_line WHERE journal_id = ?", Integer.class,
                auctionId)).isEqualTo(3);
        assertThatThrownBy(() -> jdbc.update("UPDATE ledger_line SET amount = 0 WHERE journal_id = ?", auctionId))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM ledger_line WHERE journal_id = ?", auctionId))
                .hasMessageContaining("append-only");
    }

    @Test
    void aSaleDuringAnOutageWaitsPendingOnMySql8AndIsChargedOnceAfter() throws Exception {
        SimulatedPaymentGateway gateway = new SimulatedPaymentGateway(SimulatedPaymentGateway.Settings.reliable());
        gateway.goDown();
        MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:01Z"));
        worker = start(gateway, clock);
        String auctionId = "a-" + UUID.randomUUID();

        publish(auctionId, 20_000);
        await().atMost(Duration.ofSeconds(60)).until(() -> LedgerInvariants.count(dataSource(),
                "SELECT attempts FROM settlement WHERE auction_id = ?", auctionId) == 1);
        assertThat(state(auctionId)).isEqualTo("PENDING");

        gateway.comeBack();
        clock.advance(Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(state(auctionId)));

        assertThat(gateway.chargesTaken(IdempotencyKeys.forAuction(auctionId))).isEqualTo(1);
    }

    private static ConfigurableApplicationContext start(SimulatedPaymentGateway gateway, MutableClock clock) {
        return SettlementWorkerApplication.builder()
                .initializers(context -> {
                    context.getBeanFactory().registerSingleton("paymentGateway", gateway);
                    context.getBeanFactory().registerSingleton("settlementClock", clock);
                })
                .run("--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + KAFKA.getBootstrapServers(),
                        "--spring.datasource.url=" + MYSQL.getJdbcUrl(),
                        "--spring.datasource.username=" + MYSQL.getUsername(),
                        "--spring.datasource.password=" + MYSQL.getPassword(),
                        "--gream.settlement.group-id=gream-settlement-mysql-" + UUID.randomUUID(),
                        "--gream.settlement.topics.partitions=3",
                        "--gream.settlement.topics.replication-factor=1",
                        "--gream.settlement.topics.min-insync-replicas=1",
                        "--gream.settlement.pending.poll-interval=100ms");
    }

    private static void publish(String auctionId, long price) throws Exception {
        AuctionClosed closed = new AuctionClosed(auctionId + ":5", auctionId, 5, Instant.parse("2026-11-20T10:00:00Z"),
                null, "seller-1", new Item("Starbucks", "Caffe Americano T", 4_500, LocalDate.parse("2027-01-31")),
                CloseOutcome.SOLD, "buyer-1", price, 4);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.AUCTION_EVENTS.name(), auctionId,
                    Topics.AUCTION_EVENTS.valueSerde().serializer().serialize(Topics.AUCTION_EVENTS.name(), closed)))
                    .get();
        }
    }

    private static String state(String auctionId) {
        return new JdbcTemplate(dataSource()).queryForList("SELECT state FROM settlement WHERE auction_id = ?",
                String.class, auctionId).stream().findFirst().orElse(null);
    }

    private static DataSource dataSource() {
        return new DriverManagerDataSource(MYSQL.getJdbcUrl(), MYSQL.getUsername(), MYSQL.getPassword());
    }
}
