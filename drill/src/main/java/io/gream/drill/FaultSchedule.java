package io.gream.drill;

import io.gream.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The drill's faults, injected on a schedule from the start of the bidding:
 * <ol>
 *   <li>{@code kill -9} of a bid-engine every {@code killEvery} ({@code engineKills} cycles, the next instance
 *       each time), each restarted after {@code restartPause};</li>
 *   <li>{@code kill -9}, twice, of the broker leading partition 0 of {@code gream.auction-commands} (found with the
 *       Admin client at the time, once all replicas are in sync again), restarted after 5 s;</li>
 *   <li>{@code SIGSTOP} of a bid-engine for twice its consumer session timeout (2 x 6 s), then {@code SIGCONT};</li>
 *   <li>{@code kill -9} of a settlement-worker as soon as a settlement is pending (a charge in flight), restarted
 *       after {@code restartPause}.</li>
 * </ol>
 * One fault at a time: each waits for its planned time and for the previous fault to have healed (every engine
 * ready, every broker back and in sync), since the targets are per single fault and on two cores a restart takes
 * longer than the 10 s spacing; the spacing after a slow recovery is kept from the moment it healed. Restarts run on
 * their own threads. Every signal is recorded with its wall-clock time for the resume-time figures.
 */
final class FaultSchedule {

    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(6);
    /** How long every engine must stay {@code RUNNING} before the next fault. */
    static final Duration STABLE = Duration.ofSeconds(5);
    private static final String RUNNING = "\"state\":\"RUNNING\"";

    /**
     * @param engineKills cycles of engine kills; @param killEvery the spacing of faults; @param bidding how long the
     * load bids, the longest the settlement-worker kill waits for a charge in flight
     */
    record Settings(int engineKills, Duration killEvery, Duration restartPause, Duration bidding) {

        /** When the last fault is injected, from the start. */
        Duration length() {
            return killEvery.multipliedBy(engineKills + 1L).plusSeconds(15 + 25 + 25 + 20);
        }
    }

    private final ClusterLayout layout;
    private final Cluster cluster;
    private final Processes processes;
    private final Settings settings;
    private final List<DrillRecords.Fault> faults = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> restarts = Collections.synchronizedList(new ArrayList<>());

    FaultSchedule(ClusterLayout layout, Cluster cluster, Settings settings) {
        this.layout = layout;
        this.cluster = cluster;
        this.processes = cluster.processes();
        this.settings = settings;
    }

    List<DrillRecords.Fault> faults() {
        return new ArrayList<>(faults);
    }

    /** Runs the whole schedule from {@code startMillis}; returns when every restarted process is ready again. */
    void run(long startMillis) throws InterruptedException {
        long at = settings.killEvery().toMillis();
        List<ClusterLayout.Node> engines = layout.nodes(ClusterLayout.Kind.ENGINE);
        int next = 0;
        for (int cycle = 0; cycle < settings.engineKills(); cycle++) {
            at = settleUntil(startMillis, at);
            ClusterLayout.Node victim = null;
            for (int tried = 0; tried < engines.size() && victim == null; tried++) {
                ClusterLayout.Node candidate = engines.get(next++ % engines.size());
                if (processes.isAlive(candidate) && processes.ready(candidate)) {
                    victim = candidate;
                }
            }
            if (victim == null) {
                say("no ready bid-engine to kill in cycle " + (cycle + 1));
            } else {
                killAndRestart(victim, settings.restartPause());
            }
            at += settings.killEvery().toMillis();
        }
        at += 5_000;
        for (int kill = 0; kill < 2; kill++) {
            at = settleUntil(startMillis, at + (kill == 0 ? 10_000 : 25_000));
            String leader = leaderOfCommandPartitionZero();
            layout.node(leader).ifPresentOrElse(node -> killAndRestart(node, Duration.ofSeconds(5)),
                    () -> say("no leader found for gream.auction-commands-0"));
        }
        at = settleUntil(startMillis, at + 25_000);
        ClusterLayout.Node paused = engines.stream().filter(processes::isAlive).filter(processes::ready).findFirst()
                .orElse(engines.get(0));
        record("SIGSTOP", paused);
        processes.pause(paused);
        LockSupport.parkNanos(SESSION_TIMEOUT.multipliedBy(2).toNanos());
        processes.resume(paused);
        record("SIGCONT", paused);
        settleUntil(startMillis, at + 20_000);
        // Auctions close from a quarter into the bidding: in a long drill the first charge comes after the others.
        long untilBiddingEnds = startMillis + settings.bidding().toMillis() - System.currentTimeMillis();
        ClusterLayout.Node worker = settlingWorker(awaitSettlementInFlight(
                Duration.ofMillis(Math.max(20_000, untilBiddingEnds))));
        if (processes.isAlive(worker)) {
            killAndRestart(worker, settings.restartPause());
        }
        for (Thread restart : new ArrayList<>(restarts)) {
            restart.join();
        }
    }

    /**
     * One fault at a time: waits until the planned time {@code at} (from the start), then until the previous fault
     * has healed (every engine ready, every broker back and in sync), and returns when that was, so the rest of the
     * schedule keeps its spacing after a slow recovery instead of piling faults up.
     */
    private long settleUntil(long startMillis, long at) {
        waitUntil(startMillis + at);
        awaitReadyEngines(layout.nodes(ClusterLayout.Kind.ENGINE), ClusterLayout.ENGINES, Duration.ofSeconds(180));
        awaitStableEngineGroup(Duration.ofSeconds(120));
        awaitFullIsr(Duration.ofSeconds(90));
        return Math.max(at, System.currentTimeMillis() - startMillis);
    }

    private void killAndRestart(ClusterLayout.Node node, Duration pause) {
        if (!processes.isAlive(node)) {
            say(node.name() + " is not running; no kill recorded");
            return;
        }
        record("kill -9", node);
        processes.kill9(node);
        Thread restart = new Thread(() -> {
            LockSupport.parkNanos(pause.toNanos());
            record("restart", node);
            try {
                cluster.restart(node, Duration.ofSeconds(240));
                record("restart-ready", node);
            } catch (RuntimeException e) {
                say(node.name() + " did not come back: " + e.getMessage());
            }
        }, "restart-" + node.name());
        restarts.add(restart);
        restart.start();
    }

    /**
     * Waits (recording how long) until at least {@code count} engines are ready, as an operator would before the
     * next planned kill. On a loaded machine an engine can take a minute to restart.
     */
    private void awaitReadyEngines(List<ClusterLayout.Node> engines, int count, Duration timeout) {
        long began = System.currentTimeMillis();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (engines.stream().filter(processes::isAlive).filter(processes::ready).count() < count
                && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        }
        long waited = System.currentTimeMillis() - began;
        if (waited > 1_000) {
            say("waited %.1f s for %d ready bid-engines before the next kill".formatted(waited / 1000.0, count));
        }
    }

    /**
     * Waits until every engine's Kafka Streams has been {@code RUNNING} for {@link #STABLE} without a rebalance in
     * between. A restarted engine is ready (answering) while the group still rebalances to take it in; a fault
     * injected then lands on that rebalance, which is a double fault (seen: a broker kill during a restarted
     * engine's rebalance failed the revoked tasks' commits and kept the group rebalancing for 75 s).
     */
    private void awaitStableEngineGroup(Duration timeout) {
        long began = System.currentTimeMillis();
        long deadline = System.nanoTime() + timeout.toNanos();
        long runningSince = -1;
        while (System.nanoTime() < deadline) {
            boolean running = layout.nodes(ClusterLayout.Kind.ENGINE).stream()
                    .allMatch(engine -> processes.answers(engine, "/actuator/health/kafkaStreams", RUNNING));
            long now = System.nanoTime();
            runningSince = running ? (runningSince < 0 ? now : runningSince) : -1;
            if (running && now - runningSince >= STABLE.toNanos()) {
                long waited = System.currentTimeMillis() - began;
                if (waited > STABLE.toMillis() + 1_000) {
                    say("waited %.1f s for the engine group to be stable".formatted(waited / 1000.0));
                }
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        }
        say("engine group not stable after " + timeout + "; injecting the next fault anyway");
    }

    /**
     * Waits until every partition of the command topic has all three replicas in sync again, so a second broker
     * kill tests one failure at a time rather than a lost quorum (two of three down).
     */
    private void awaitFullIsr(Duration timeout) {
        long began = System.currentTimeMillis();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean allUp = layout.nodes(ClusterLayout.Kind.KAFKA).stream()
                    .allMatch(node -> processes.isAlive(node) && processes.ready(node));
            if (!allUp) {
                // A killed broker stays in the ISR until the controller fences it: wait for it to be back first.
                LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
                continue;
            }
            try (Admin admin = admin()) {
                TopicDescription description = admin.describeTopics(List.of(Topics.AUCTION_COMMANDS.name()))
                        .allTopicNames().get(20, TimeUnit.SECONDS).get(Topics.AUCTION_COMMANDS.name());
                if (description.partitions().stream().allMatch(p -> p.isr().size() == ClusterLayout.KAFKA_NODES)) {
                    long waited = System.currentTimeMillis() - began;
                    if (waited > 1_000) {
                        say("waited %.1f s for the command topic's replicas to be in sync".formatted(waited / 1000.0));
                    }
                    return;
                }
            } catch (Exception e) {
                // a broker is still coming back; ask again
            }
            LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
        }
        say("replicas not all in sync after " + timeout + "; killing the leader anyway");
    }

    /** Waits until some settlement is PENDING (a charge in flight), so the worker kill lands mid-batch. */
    private Optional<String> awaitSettlementInFlight(Duration timeout) {
        Optional<String> pending = SettlementWatch.awaitPendingSettlement(timeout);
        say(pending.map(auction -> "settlement of " + auction + " in flight at the kill")
                .orElse("no settlement in flight within " + timeout + "; killing a worker anyway"));
        return pending;
    }

    /**
     * The worker that settles the pending auction's partition: the one whose log last says it settled an auction
     * of that partition ({@code Settled auction <id>}); settlement-worker-1 when the logs do not tell.
     */
    private ClusterLayout.Node settlingWorker(Optional<String> pending) {
        List<ClusterLayout.Node> workers = layout.nodes(ClusterLayout.Kind.SETTLEMENT);
        if (pending.isEmpty()) {
            return workers.get(0);
        }
        int partition = DrillLoad.partitionOf(pending.get());
        java.util.regex.Pattern settled = java.util.regex.Pattern.compile("^(\\S+).*Settled auction (\\S+):");
        ClusterLayout.Node best = workers.get(0);
        String bestTime = "";
        for (ClusterLayout.Node worker : workers) {
            try {
                for (String line : java.nio.file.Files.readAllLines(worker.log())) {
                    java.util.regex.Matcher m = settled.matcher(line);
                    if (m.find() && DrillLoad.partitionOf(m.group(2)) == partition && m.group(1).compareTo(bestTime) > 0) {
                        bestTime = m.group(1);
                        best = worker;
                    }
                }
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                // no log yet: keep the default
            }
        }
        return best;
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, layout.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000));
    }

    private String leaderOfCommandPartitionZero() {
        try (Admin admin = admin()) {
            TopicDescription description = admin.describeTopics(List.of(Topics.AUCTION_COMMANDS.name()))
                    .allTopicNames().get(20, TimeUnit.SECONDS).get(Topics.AUCTION_COMMANDS.name());
            int leader = description.partitions().get(0).leader().id();
            // Each node is also a KRaft controller: killing the active one adds a controller election before the
            // dead broker is fenced (docs/reliability.md), so the log says which kind of kill this is.
            int controller = admin.describeMetadataQuorum().quorumInfo().get(20, TimeUnit.SECONDS).leaderId();
            say("kafka-%d leads gream.auction-commands-0; %s".formatted(leader, leader == controller
                    ? "it is also the active KRaft controller" : "the active KRaft controller is kafka-" + controller));
            return "kafka-" + leader;
        } catch (Exception e) {
            say("cannot describe gream.auction-commands: " + e);
            return "none";
        }
    }

    private void record(String action, ClusterLayout.Node node) {
        faults.add(new DrillRecords.Fault(System.currentTimeMillis(), action, node.name()));
        say(action + " " + node.name());
    }

    private static void waitUntil(long millis) {
        long wait = millis - System.currentTimeMillis();
        if (wait > 0) {
            LockSupport.parkNanos(wait * 1_000_000);
        }
    }

    private static void say(String line) {
        System.out.println("[faults] " + line);
    }
}
