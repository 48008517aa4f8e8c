package io.gream.settlement.reconciliation;

import io.gream.settlement.payment.GuardedPaymentGateway;
import io.gream.settlement.store.SettlementStore;
import io.gream.settlement.worker.SettlementProperties;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The reconciler, its ShedLock lock provider on the settlement database (table {@code shedlock}), and its schedule:
 * every {@code poll-interval}, the last whole window ending {@code delay} before now. Windows are aligned to the
 * interval, so every replica computes the same one, and each window has a lock of its own, held for an interval after
 * its run, so exactly one replica reconciles it. Limits: the lock table keeps a row per window; a replica that dies
 * while reconciling a window holds its lock for the interval, and that window is then left to an on-demand run.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ReconciliationConfiguration implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationConfiguration.class);

    private final ObjectProvider<Reconciler> reconciler;
    private final ObjectProvider<Clock> clock;
    private final SettlementProperties properties;
    private final AtomicReference<Instant> lastWindow = new AtomicReference<>();

    ReconciliationConfiguration(ObjectProvider<Reconciler> reconciler, ObjectProvider<Clock> clock,
                                SettlementProperties properties) {
        this.reconciler = reconciler;
        this.clock = clock;
        this.properties = properties;
    }

    @Bean
    Reconciler reconciler(GuardedPaymentGateway gateway, SettlementStore store, DataSource dataSource,
                          MeterRegistry meters) {
        SettlementProperties.Reconciliation settings = properties.reconciliation();
        JdbcTemplateLockProvider locks = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .withTimeZone(TimeZone.getTimeZone("UTC"))
                .build());
        return new Reconciler(gateway, store, new DefaultLockingTaskExecutor(locks),
                clock.getIfAvailable(Clock::systemUTC), settings.margin(), settings.lockAtMostFor(), meters);
    }

    @Bean
    ReconciliationEndpoint reconciliationEndpoint(Reconciler reconciler) {
        return new ReconciliationEndpoint(reconciler);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        // The aligned window and its lock make all but one poll per window, across replicas, no-ops.
        tasks.addFixedDelayTask(this::reconcileLastWindow, properties.reconciliation().pollInterval());
    }

    private void reconcileLastWindow() {
        SettlementProperties.Reconciliation settings = properties.reconciliation();
        Instant now = clock.getIfAvailable(Clock::systemUTC).instant();
        long step = settings.interval().toMillis();
        Instant end = Instant.ofEpochMilli(Math.floorDiv(now.minus(settings.delay()).toEpochMilli(), step) * step);
        Instant start = end.minus(settings.interval());
        if (start.equals(lastWindow.get())) {
            return; // this replica saw this window through already
        }
        try {
            reconciler.getObject().reconcileExclusively(start, end, Reconciler.windowLock(start),
                    settings.interval());
            lastWindow.set(start); // reconciled here, or by the replica that held its lock
        } catch (RuntimeException e) {
            log.warn("Reconciliation of {} to {} failed: {}", start, end, e.getMessage());
        }
    }
}
