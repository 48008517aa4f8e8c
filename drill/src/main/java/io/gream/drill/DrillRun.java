package io.gream.drill;

import io.gream.audit.Check;
import io.gream.audit.LogReader;
import io.gream.audit.LogRecords;
import io.gream.contracts.Topics;
import io.gream.kafka.GroupLag;
import org.springframework.util.FileSystemUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code gream-drill run}: the whole drill. Starts the cluster (unless told it runs already), opens the
 * auctions, then bids through both ingresses while {@link FaultSchedule} kills, pauses and restarts processes;
 * waits for the last deadline and the settlements, then verifies and writes {@code report.md}.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Load through the REST API while faults are injected, then verify every invariant.")
final class DrillRun implements Callable<Integer> {

    /** The settlement-worker's consumer group ({@code gream.settlement.group-id} in its settings). */
    private static final String SETTLEMENT_GROUP = "gream-settlement-worker";

    @Mixin
    DrillCommand.ClusterOptions cluster = new DrillCommand.ClusterOptions();

    @Option(names = "--auctions", defaultValue = "1000", description = "Auctions (default: ${DEFAULT-VALUE}).")
    int auctions;

    @Option(names = "--bids", defaultValue = "100000", description = "Bids in all (default: ${DEFAULT-VALUE}).")
    long bids;

    @Option(names = "--duration", defaultValue = "180",
            description = "Seconds of bidding; deadlines spread over it (default: ${DEFAULT-VALUE}).")
    int durationSeconds;

    @Option(names = "--queries-per-second", defaultValue = "20",
            description = "Reads of GET /api/auctions/{id} per second (default: ${DEFAULT-VALUE}).")
    double queriesPerSecond;

    @Option(names = "--engine-kills", defaultValue = "5",
            description = "Cycles of kill -9 of a bid-engine (default: ${DEFAULT-VALUE}).")
    int engineKills;

    @Option(names = "--kill-every", defaultValue = "10",
            description = "Seconds between engine kills (default: ${DEFAULT-VALUE}).")
    int killEverySeconds;

    @Option(names = "--restart-pause", defaultValue = "3",
            description = "Seconds a killed engine or worker stays down (default: ${DEFAULT-VALUE}).")
    int restartPauseSeconds;

    @Option(names = "--no-faults", description = "The control run: the same load with no fault injected, to tell "
            + "what the faults cost from what the machine costs.")
    boolean noFaults;

    @Option(names = "--existing-cluster", description = "Use the running cluster instead of starting a fresh one.")
    boolean existingCluster;

    @Option(names = "--keep-cluster", description = "Leave the cluster running afterwards (for 'gream-drill verify').")
    boolean keepCluster;

    @Option(names = "--run-dir", description = "Where answers, faults and report.md go "
            + "(default: drill/target/drill-runs/<time>).")
    Path runDir;

    @Override
    public Integer call() throws Exception {
        ClusterLayout layout = cluster.layout();
        Cluster stack = new Cluster(layout);
        String tag = Long.toString(System.currentTimeMillis() / 1000, 36);
        Path run = runDir != null ? runDir : Path.of("drill/target/drill-runs/" + tag);
        Files.createDirectories(run);
        FaultSchedule.Settings faultSettings = new FaultSchedule.Settings(engineKills,
                Duration.ofSeconds(killEverySeconds), Duration.ofSeconds(restartPauseSeconds),
                Duration.ofSeconds(durationSeconds));
        DrillLoad.Settings load = new DrillLoad.Settings(auctions, bids, Duration.ofSeconds(durationSeconds),
                queriesPerSecond);
        say("%d bids over %d auctions in %d s (%.0f bids/s); run dir %s".formatted(bids, auctions, durationSeconds,
                load.bidsPerSecond(), run));
        if (noFaults) {
            say("control run: no faults");
        } else {
            say("faults planned over the first %d s, each one after the previous one healed%s".formatted(
                    faultSettings.length().toSeconds(), faultSettings.length().toSeconds() > durationSeconds
                            ? "; the schedule outlasts the load, so the last faults hit an idle cluster" : ""));
        }
        try {
            if (!existingCluster) {
                stack.up();
            }
            try (CpuSampler cpu = new CpuSampler(layout.all(), stack.processes(), run.resolve("cpu.csv"))
                    .every(Duration.ofSeconds(5))) {
                DrillLoad loadGenerator = new DrillLoad(layout.ingressUrls(), load, tag);
                loadGenerator.issueTokens();
                Instant biddingStart = Instant.now().plusSeconds(10 + auctions / 20);
                loadGenerator.openAuctions(biddingStart);
                say("auctions open; bidding starts at " + biddingStart);
                FaultSchedule faults = new FaultSchedule(layout, stack, faultSettings);
                Thread injector = new Thread(() -> {
                    try {
                        if (!noFaults) {
                            faults.run(biddingStart.toEpochMilli());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "drill-faults");
                injector.start();
                loadGenerator.run(biddingStart);
                say("load done; " + loadGenerator.shed() + " requests shed by the client (over 4000 in flight)");
                injector.join();
                AnswerLog.writeAnswers(run.resolve("bids.csv"), loadGenerator.bids().answers());
                AnswerLog.writeAnswers(run.resolve("queries.csv"), loadGenerator.queries().answers());
                AnswerLog.writeFaults(run.resolve("faults.csv"), faults.faults());
                awaitQuiet(layout, loadGenerator.lastDeadline());
            }
            DrillResult result = verify(layout, run);
            return result.passed() ? 0 : 1;
        } finally {
            if (!keepCluster) {
                stack.down();
            }
            keepLogs(layout.logs(), run.resolve("logs"));
        }
    }

    /** Copies the processes' logs into the run directory: the next {@code cluster-up} wipes the cluster's. */
    private static void keepLogs(Path logs, Path into) throws IOException {
        if (!Files.isDirectory(logs)) {
            return;
        }
        FileSystemUtils.copyRecursively(logs, into);
        say("logs copied to " + into);
    }

    /** Reads back, checks, prints PASS/FAIL per invariant and writes {@code report.md}. */
    static DrillResult verify(ClusterLayout layout, Path run) throws Exception {
        LogRecords log = new LogReader(layout.bootstrapServers(), Map.of()).read(Optional.of(
                new LogReader.Database(ClusterLayout.MARIADB + ClusterLayout.SETTLEMENT_DB, "root", "")));
        DrillRecords records = new DrillRecords(log, AnswerLog.readAnswers(run.resolve("bids.csv")),
                AnswerLog.readAnswers(run.resolve("queries.csv")), AnswerLog.readFaults(run.resolve("faults.csv")));
        List<Check> checks = DrillChecks.all(records);
        DrillResult result = new DrillResult(checks, ResumeTimes.of(records), records);
        DrillResult.lines(checks).forEach(line -> System.out.println("[verify] " + line));
        result.write(run.resolve("report.md"), "Failover drill " + run.getFileName());
        say("report: " + run.resolve("report.md").toAbsolutePath());
        say(result.passed() ? "ALL INVARIANTS HOLD" : "SOME INVARIANTS FAILED");
        return result;
    }

    /**
     * Waits past the last deadline, then until the engines have decided the command log (ticks aside) and the
     * settlement workers have consumed every auction event, then until settlements stop changing with none pending.
     */
    private static void awaitQuiet(ClusterLayout layout, long lastDeadline) {
        long wait = lastDeadline + 5_000 - System.currentTimeMillis();
        if (wait > 0) {
            say("waiting %d s for the last deadline".formatted(wait / 1000));
            LockSupport.parkNanos(wait * 1_000_000);
        }
        try (GroupLag lag = new GroupLag(layout.bootstrapServers())) {
            awaitCaughtUp(lag, "gream-bid-engine", Topics.AUCTION_COMMANDS.name(), 20L * ClusterLayout.PARTITIONS,
                    Duration.ofMinutes(6));
            // A transaction's commit marker follows the last event of each partition; the group never "consumes" it.
            awaitCaughtUp(lag, SETTLEMENT_GROUP, Topics.AUCTION_EVENTS.name(), ClusterLayout.PARTITIONS,
                    Duration.ofMinutes(3));
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        int quiet = 0;
        String last = "";
        while (System.nanoTime() < deadline && quiet < 5) {
            LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
            String progress = SettlementWatch.settlementProgress();
            quiet = progress.equals(last) && progress.endsWith("/0") ? quiet + 1 : 0;
            last = progress;
        }
        say("settlements (rows/pending): " + last);
    }

    /**
     * Waits until {@code group} is at most {@code slack} records behind {@code topic}, saying so every 5 s. Under
     * faults the consumers can be minutes behind the load: lag, not loss, which a verifier that looked earlier would
     * report as missing. After {@code timeout} it verifies anyway.
     */
    private static void awaitCaughtUp(GroupLag lag, String group, String topic, long slack, Duration timeout) {
        long[] last = {-1};
        boolean caughtUp = lag.awaitCaughtUp(group, topic, slack, timeout, Duration.ofSeconds(5), reading -> {
            last[0] = reading;
            say(reading < 0 ? "cannot read the lag of " + group
                    : "%s behind %s by %d records".formatted(group, topic, reading));
        }).isPresent();
        say(caughtUp ? "%s caught up with %s".formatted(group, topic)
                : "%s still %d records behind %s after %s; verifying anyway".formatted(group, last[0], topic, timeout));
    }

    private static void say(String line) {
        System.out.println("[drill] " + line);
    }
}
