package io.gream.settlement.store;

import io.github.resilience4j.core.IntervalFunction;
import io.gream.contracts.SettlementCompleted;
import io.gream.contracts.SettlementEvent;
import io.gream.contracts.SettlementFailed;
import io.gream.settlement.LedgerInvariants;
import io.gream.settlement.TestDatabase;
import io.gream.settlement.ledger.EntryType;
import io.gream.settlement.ledger.FeeSchedule;
import io.gream.settlement.ledger.Journal;
import io.gream.settlement.ledger.Posting;
import io.gream.settlement.payment.PaymentResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The settlement database through the real schema (Flyway) and JPA: the MariaDB on this machine (required when
 * CI=true), H2 in MySQL mode otherwise.
 */
class SettlementStoreTest {

    private static final Instant CLOSED = Instant.parse("2026-11-20T10:00:00.123456789Z");
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:02.5Z");
    private static final Instant DEADLINE = NOW.plus(Duration.ofHours(72));
    private static final IntervalFunction BACKOFF =
            IntervalFunction.ofExponentialBackoff(Duration.ofSeconds(30), 2.0, Duration.ofMinutes(30));
    private static final FeeSchedule TEN_PERCENT = new FeeSchedule(1000);

    private static TestDatabase database;
    private static ConfigurableApplicationContext context;
    private static SettlementStore store;
    private static DataSource dataSource;

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration(excludeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
    @Import({SettlementStore.class, RefundStore.class, SecondChanceStore.class, RunnerUps.class})
    static class StoreOnly {
    }

    @BeforeAll
    static void migrate() {
        database = TestDatabase.create();
        context = new SpringApplicationBuilder(StoreOnly.class).web(WebApplicationType.NONE)
                .properties("spring.config.name=settlement-worker")
                .run(database.args().toArray(String[]::new));
        store = context.getBean(SettlementStore.class);
        dataSource = context.getBean(DataSource.class);
    }

    @AfterAll
    static void drop() {
        context.close();
        database.close();
    }

    @AfterEach
    void ledgerInvariantsHold() {
        LedgerInvariants.assertHold(dataSource);
    }

    @Test
    void claimingTwiceKeepsOneRowPerAuction() {
        SoldAuction sale = sale();

        store.claim(sale, DEADLINE);
        store.claim(sale, DEADLINE);

        assertThat(rows(sale)).isEqualTo(1);
        assertThat(store.find(sale.auctionId()).state()).isEqualTo(SettlementState.PENDING);
    }

    @Test
    void concurrentClaimsOfOneAuctionLeaveOneRow() throws Exception {
        SoldAuction sale = sale();
        CyclicBarrier start = new CyclicBarrier(4);
        CompletableFuture<?>[] claims = new CompletableFuture<?>[4];
        for (int i = 0; i < claims.length; i++) {
            claims[i] = CompletableFuture.runAsync(() -> {
                await(start);
                store.claim(sale, DEADLINE);
            });
        }

        CompletableFuture.allOf(claims).join();

        assertThat(rows(sale)).isEqualTo(1);
    }

    @Test
    void onlyTheFirstBeginStartsACharge() {
        SoldAuction sale = sale();
        store.claim(sale, DEADLINE);

        SettlementStore.Next first = store.begin(sale.auctionId(), NOW);
        SettlementStore.Next second = store.begin(sale.auctionId(), NOW);

        assertThat(first).isInstanceOf(SettlementStore.Next.Charge.class);
        assertThat(second).isInstanceOf(SettlementStore.Next.Resolve.class);
        assertThat(((SettlementStore.Next.Resolve) second).sale().idempotencyKey())
                .isEqualTo(sale.idempotencyKey());
    }

    @Nested
    class PuttingOff {

        @Test
        void aPutOffSaleStaysPendingAndIsDueAfterADoublingBackoff() {
            SoldAuction sale = sale();
            store.claim(sale, DEADLINE);
            store.begin(sale.auctionId(), NOW);

            Instant first = store.putOff(sale.auctionId(), "gateway down", NOW, BACKOFF);
            Instant second = store.putOff(sale.auctionId(), "gateway down", first, BACKOFF);

            assertThat(first).isEqualTo(NOW.plusSeconds(30));
            assertThat(second).isEqualTo(first.plusSeconds(60));
            assertThat(store.due(second.minusMillis(1), 100)).doesNotContain(sale.auctionId());
            assertThat(store.due(second, 100)).contains(sale.auctionId());
            SettlementRecord stored = store.find(sale.auctionId());
            assertThat(stored.state()).isEqualTo(SettlementState.PENDING);
            assertThat(stored.attempts()).isEqualTo(2);
            assertThat(stored.lastError()).isEqualTo("gateway down");
            assertThat(store.begin(sale.auctionId(), second)).isInstanceOfSatisfying(SettlementStore.Next.Resolve.class,
                    resolve -> assertThat(resolve.pastDeadline()).isFalse());
        }

        @Test
        void theLastAttemptIsAtTheDeadlineAndAfterItTheLookupDecides() {
            SoldAuction sale = sale();
            Instant deadline = NOW.plusSeconds(40);
            store.claim(sale, deadline);
            store.begin(sale.auctionId(), NOW);

            Instant first = store.putOff(sale.auctionId(), "down", NOW, BACKOFF);
            Instant second = store.putOff(sale.auctionId(), "down", first, BACKOFF);

            assertThat(second).isEqualTo(deadline);
            assertThat(store.begin(sale.auctionId(), deadline)).isInstanceOfSatisfying(
                    SettlementStore.Next.Resolve.class, resolve -> assertThat(resolve.pastDeadline()).isTrue());
            assertThat(store.pendingSummary(deadline).pastDeadline()).isGreaterThanOrEqualTo(1);
        }

        @Test
        void aSettledSaleIsNoLongerDue() {
            SoldAuction sale = sale();
            store.claim(sale, DEADLINE);
            store.begin(sale.auctionId(), NOW);
            Instant due = store.putOff(sale.auctionId(), "down", NOW, BACKOFF);

            store.complete(sale.auctionId(), new PaymentResult.Charged("pay-late"), TEN_PERCENT, due);

            assertThat(store.due(due, 100)).doesNotContain(sale.auctionId());
            assertThat(store.putOff(sale.auctionId(), "down", due, BACKOFF)).isNull();
            assertThat(store.find(sale.auctionId()).nextAttemptAt()).isNull();
        }
    }

    @Test
    void aChargeCompletesTheSettlementAndAppendsItsBalancedJournalOnce() {
        SoldAuction sale = sale();
        store.claim(sale, DEADLINE);
        store.begin(sale.auctionId(), NOW);

        SettlementStore.Settled settled = store.complete(sale.auctionId(), new PaymentResult.Charged("pay-1"),
                TEN_PERCENT, NOW);
        SettlementStore.Settled again = store.complete(sale.auctionId(), new PaymentResult.Charged("pay-2"),
                TEN_PERCENT, NOW.plusSeconds(5));

        assertThat(settled.byThisCall()).isTrue();
        assertThat(again.byThisCall()).isFalse();
        assertThat(again.event()).isEqualTo(settled.event());
        assertThat(settled.event()).isEqualTo(new SettlementCompleted(SettlementEvent.eventId(sale.auctionId()),
                sale.auctionId(), NOW, sale.closeEventId(), "buyer-1", "seller-1", 25_000, 2_500, 22_500, "KRW",
                "pay-1"));
        Journal journal = store.journal(sale.auctionId());
        assertThat(journal.postings()).containsExactly(
                new Posting(EntryType.BUYER_PAYMENT, "buyer:buyer-1", 25_000),
                new Posting(EntryType.SELLER_PROCEEDS, "seller:seller-1", -22_500),
                new Posting(EntryType.PLATFORM_FEE, "platform:fees", -2_500));
    }

    @Test
    void theEventReadBackFromTheRowEqualsTheOneFirstBuilt() {
        SoldAuction sale = sale();
        store.claim(sale, DEADLINE);
        store.begin(sale.auctionId(), NOW);

        SettlementEvent built = store.complete(sale.auctionId(), new PaymentResult.Charged("pay-1"), TEN_PERCENT,
                Instant.parse("2026-11-20T10:00:02.987654321Z")).event();

        assertThat(store.find(sale.auctionId()).toEvent()).isEqualTo(built);
        assertThat(store.find(sale.auctionId()).closedAt()).isEqualTo(Instant.parse("2026-11-20T10:00:00.123456Z"));
    }

    @Test
    void aDeclineFailsTheSettlementWithoutAJournal() {
        SoldAuction sale = sale();
        store.claim(sale, DEADLINE);
        store.begin(sale.auctionId(), NOW);

        SettlementEvent event = store.complete(sale.auctionId(),
                new PaymentResult.Declined("CARD_DECLINED", "insufficient funds"), TEN_PERCENT, NOW).event();

        assertThat(event).isInstanceOf(SettlementFailed.class);
        assertThat(((SettlementFailed) event).reason()).isEqualTo("CARD_DECLINED");
        assertThat(LedgerInvariants.count(dataSource, "SELECT COUNT(*) FROM ledger_line WHERE journal_id = ?",
                sale.auctionId())).isZero();
    }

    @Test
    void theDatabaseRefusesToUpdateOrDeleteLedgerLines() {
        SoldAuction sale = sale();
        store.claim(sale, DEADLINE);
        store.begin(sale.auctionId(), NOW);
        store.complete(sale.auctionId(), new PaymentResult.Charged("pay-1"), TEN_PERCENT, NOW);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);

        assertThatThrownBy(() -> jdbc.update("UPDATE ledger_line SET amount = amount + 1 WHERE journal_id = ?",
                sale.auctionId())).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM ledger_line WHERE journal_id = ?", sale.auctionId()))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(LedgerInvariants.count(dataSource, "SELECT COUNT(*) FROM ledger_line WHERE journal_id = ?",
                sale.auctionId())).isEqualTo(3);
    }

    @Test
    void theDatabaseRefusesASecondJournalForTheSameAuction() {
        SoldAuction sale = sale();
        store.claim(sale, DEADLINE);
        store.begin(sale.auctionId(), NOW);
        store.complete(sale.auctionId(), new PaymentResult.Charged("pay-1"), TEN_PERCENT, NOW);

        assertThatThrownBy(() -> new JdbcTemplate(dataSource).update("""
                INSERT INTO ledger_line (journal_id, entry_type, account, amount, currency, recorded_at)
                VALUES (?, 'BUYER_PAYMENT', 'buyer:buyer-1', 25000, 'KRW', CURRENT_TIMESTAMP)
                """, sale.auctionId())).isInstanceOf(DataAccessException.class);
    }

    private static SoldAuction sale() {
        String auctionId = "a-" + UUID.randomUUID();
        return new SoldAuction(auctionId, auctionId + ":7", CLOSED, "buyer-1", "seller-1", 25_000, "KRW",
                "Starbucks Americano");
    }

    private static int rows(SoldAuction sale) {
        return LedgerInvariants.count(dataSource, "SELECT COUNT(*) FROM settlement WHERE auction_id = ?",
                sale.auctionId());
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
