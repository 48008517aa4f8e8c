package io.gream.engine.runtime;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Aborts the open transaction of an engine instance that died as soon as the consumer group has let it go, instead
 * of {@code transaction.timeout.ms} after the transaction began.
 *
 * <p>Why: the instance that takes over a dead one's partitions restores their changelogs up to the log end offset
 * (Kafka Streams reads that end {@code read_uncommitted}, KAFKA-10167), and its {@code read_committed} restore
 * consumer cannot pass the dead instance's open transaction until the broker aborts it. Until then no bid on those
 * partitions is decided. Waiting for the timeout makes the timeout a floor under every engine failover, and a
 * timeout short enough for that aborts healthy transactions whenever a broker fails over (docs/reliability.md).
 *
 * <p>How: while this instance is rebalancing, every {@link #PERIOD}, it lists the cluster's ongoing transactions
 * whose transactional id follows Kafka Streams' exactly-once naming ({@code <application.id>-<process id>-<thread>})
 * and fences ({@link Admin#fenceProducers}) those of a process with no member in the group that have been open
 * longer than {@link #MIN_AGE}. Fencing bumps the producer epoch and has the transaction coordinator abort the
 * transaction, exactly what a restart of that instance does. A process that was only paused finds its producer
 * fenced when it resumes and rejoins, as it would after the timeout. It does nothing when it cannot tell the
 * members' processes apart (a client id not in Kafka Streams' default form) or does not see itself in the group.
 */
final class AbandonedTransactionFencer implements SmartLifecycle {

    /** How often to look while rebalancing. */
    static final Duration PERIOD = Duration.ofSeconds(1);
    /**
     * A transaction younger than this is left alone even if its process has no member: a live instance commits
     * every {@code commit.interval.ms}, and a dead one has been gone a session timeout when the group notices.
     * Measured against the coordinator's start time by this instance's clock, so it is a second guard behind group
     * membership, not a precise one.
     */
    static final Duration MIN_AGE = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(AbandonedTransactionFencer.class);
    private static final String PROCESS_ID = "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})";
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(10);

    private final Admin admin;
    private final String applicationId;
    private final BooleanSupplier rebalancing;
    private final Supplier<Optional<String>> ownClientId;
    private final Clock clock;
    private final Pattern transactionalId;
    private final Pattern memberClientId;
    private ScheduledExecutorService executor;

    /**
     * @param rebalancing whether this instance is rebalancing now (the only time a takeover can be waiting)
     * @param ownClientId the consumer client id of one of this instance's stream threads, once it has one
     */
    AbandonedTransactionFencer(Admin admin, String applicationId, BooleanSupplier rebalancing,
                               Supplier<Optional<String>> ownClientId, Clock clock) {
        this.admin = admin;
        this.applicationId = applicationId;
        this.rebalancing = rebalancing;
        this.ownClientId = ownClientId;
        this.clock = clock;
        this.transactionalId = Pattern.compile(Pattern.quote(applicationId) + "-" + PROCESS_ID + "-\\d+");
        this.memberClientId = Pattern.compile(Pattern.quote(applicationId) + "-" + PROCESS_ID
                + "-StreamThread-\\d+-consumer");
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "gream-transaction-fencer");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::fenceWhileRebalancing, PERIOD.toMillis(), PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        executor.shutdownNow();
        executor = null;
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    private void fenceWhileRebalancing() {
        if (!rebalancing.getAsBoolean()) {
            return;
        }
        try {
            fenceAbandoned();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.warn("Could not look for abandoned transactions (next try in {}): {}", PERIOD, e.toString());
        }
    }

    /** Fences the abandoned transactions of dead instances, and returns their transactional ids. */
    List<String> fenceAbandoned() throws ExecutionException, InterruptedException, TimeoutException {
        Optional<Set<String>> live = liveProcesses();
        if (live.isEmpty()) {
            return List.of();
        }
        List<String> orphaned = new ArrayList<>();
        for (TransactionListing listing : admin.listTransactions(new ListTransactionsOptions()
                        .filterStates(List.of(TransactionState.ONGOING)))
                .all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            processOf(transactionalId, listing.transactionalId())
                    .filter(process -> !live.get().contains(process))
                    .ifPresent(process -> orphaned.add(listing.transactionalId()));
        }
        if (orphaned.isEmpty()) {
            return List.of();
        }
        long openSince = clock.millis() - MIN_AGE.toMillis();
        List<String> abandoned = new ArrayList<>();
        for (Map.Entry<String, TransactionDescription> described : admin.describeTransactions(orphaned).all()
                .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).entrySet()) {
            TransactionDescription transaction = described.getValue();
            if (transaction.state() == TransactionState.ONGOING
                    && transaction.transactionStartTimeMs().orElse(Long.MAX_VALUE) <= openSince) {
                abandoned.add(described.getKey());
            }
        }
        if (!abandoned.isEmpty()) {
            admin.fenceProducers(abandoned).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            log.warn("Aborted the open transactions of engine instances that left the group: {} (their partitions'"
                    + " new owners can restore now instead of after the transaction timeout)", abandoned);
        }
        return abandoned;
    }

    /**
     * The process ids with a member in the group, or empty when they cannot be trusted: a member whose client id
     * names no process, or this instance not among them.
     */
    private Optional<Set<String>> liveProcesses() throws ExecutionException, InterruptedException, TimeoutException {
        Optional<String> self = ownClientId.get().flatMap(clientId -> processOf(memberClientId, clientId));
        if (self.isEmpty()) {
            return Optional.empty();
        }
        Set<String> processes = new HashSet<>();
        try {
            for (MemberDescription member : admin.describeConsumerGroups(List.of(applicationId)).all()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(applicationId).members()) {
                Optional<String> process = processOf(memberClientId, member.clientId());
                if (process.isEmpty()) {
                    log.debug("Group member {} names no process; not fencing", member.clientId());
                    return Optional.empty();
                }
                processes.add(process.get());
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return Optional.empty();
            }
            throw e;
        }
        return processes.contains(self.get()) ? Optional.of(processes) : Optional.empty();
    }

    private static Optional<String> processOf(Pattern pattern, String id) {
        Matcher matcher = pattern.matcher(id);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
