package io.gream.perf;

import io.gream.childjvm.ServiceJvm;
import io.gream.contracts.Topics;
import io.gream.kafka.GroupLag;
import io.gream.kafka.KafkaNode;
import io.gream.perf.baseline.DeciderBench;
import io.gream.perf.baseline.MysqlBench;
import io.gream.perf.baseline.RawKafkaBench;
import io.gream.perf.engine.EngineBench;
import io.gream.perf.engine.KafkaClients;
import io.gream.perf.load.Profile;
import io.gream.perf.report.Measurement;
import io.gream.perf.report.Report;
import io.gream.perf.report.ReportWriter;
import io.gream.perf.rest.LockingRestService;
import io.gream.perf.rest.RestBench;
import io.gream.perf.workload.Workload;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run of the harness: starts what the chosen phases need (broker, engine, ingress) unless told to use
 * existing ones, runs the phases in order, records the engine's RSS and state size at the end, writes the report
 * and stops everything it started.
 */
final class BenchmarkRun {

    /** REST phases use this many bidders, each with its own token. */
    static final int REST_BIDDERS = 200;
    /** The engine's consumer group (its Kafka Streams application id). */
    private static final String ENGINE_GROUP = "gream-bid-engine";
    /** The rate the load generator must be able to offer, checked against a trivial endpoint. */
    static final double GENERATOR_RATE = 10_000;

    private final RunOptions options;
    private final Set<Phase> phases;
    private final Profile profile;
    private final Report report;
    private final String runId = "r" + Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private KafkaClients clients;
    private GroupLag engineLag;
    private ServiceJvm engine;
    private EngineBench engineBench;

    BenchmarkRun(RunOptions options, Set<Phase> phases, String command) {
        this.options = options;
        this.phases = EnumSet.copyOf(phases);
        Profile base = options.quick ? Profile.QUICK : Profile.FULL;
        this.profile = new Profile(base.warmup(), base.measure(),
                options.closeAuctions != null ? options.closeAuctions : base.closeAuctions(), base.closeSpread(),
                options.restRates != null ? options.restRates : base.restRates(), base.mysqlThreads(),
                base.maxBacklog());
        this.report = new Report(command, Machine.describe());
    }

    Report run() throws Exception {
        Path out = options.out.toAbsolutePath();
        System.out.printf("run %s: phases %s, %s profile, results in %s%n", runId, phases,
                options.quick ? "quick" : "full", out);
        try {
            if (!EnumSet.of(Phase.DECIDER, Phase.MYSQL).containsAll(phases)) {
                clients = new KafkaClients(bootstrapServers());
            }
            if (phases.contains(Phase.DECIDER)) {
                DeciderBench decider = new DeciderBench(profile);
                List.of(Workload.HOT, Workload.UNIFORM).forEach(w -> report.add(decider.saturation(w)));
            }
            double engineRate = phases.contains(Phase.ENGINE) ? engineBenchmarks() : options.rate;
            if (phases.contains(Phase.RAW)) {
                try (RawKafkaBench raw = new RawKafkaBench(clients, profile, runId, options.partitions)) {
                    report.add(raw.saturation(Workload.UNIFORM));
                    report.add(raw.latency(Workload.UNIFORM, engineRate));
                }
            }
            if (phases.contains(Phase.BARE)) {
                try (RawKafkaBench bare = RawKafkaBench.throughBareStreams(clients, profile, runId,
                        options.partitions, out.resolve("bare-state"))) {
                    bare.warmUp();
                    List.of(Workload.HOT, Workload.UNIFORM).forEach(w -> report.add(bare.saturation(w)));
                }
            }
            if (phases.contains(Phase.MYSQL)) {
                mysql();
            }
            if (phases.contains(Phase.REST)) {
                rest();
            }
            if (phases.contains(Phase.CLOSE)) {
                report.add(engineBench().closeLag(profile.closeAuctions(), profile.closeSpread(),
                        saturation(Workload.UNIFORM, 2000)));
            }
            if (engine != null && engine.jvm() != null) {
                report.engineFact("pid", engine.jvm().pid());
                report.engineFact("rssMiB", engine.rssBytes() / (1024 * 1024));
                report.engineFact("stateDirMiB", Math.round(engine.stateBytes() / 1048.576) / 1000.0);
                report.engineFact("jvmArgs", options.engineJvmArgs);
                report.engineFact("extraArgs", String.join(" ", options.engineArgs));
                report.engineFact("partitions", options.partitions);
            }
            report.engineFact("finishedAt", Instant.now().toString());
            ReportWriter.write(report, out);
            System.out.println("report: " + out.resolve(ReportWriter.MARKDOWN));
            return report;
        } finally {
            closeAll();
        }
    }

    /** Saturation per workload, then fixed rates; returns the uniform rate at 50 % of saturation. */
    private double engineBenchmarks() {
        EngineBench bench = engineBench();
        bench.warmUp();
        List.of(Workload.HOT, Workload.UNIFORM, Workload.SKEWED).forEach(w -> report.add(bench.saturation(w)));
        double uniform = saturation(Workload.UNIFORM, 0);
        double half = Math.max(10, Math.floor(uniform / 2));
        report.add(bench.latency(Workload.UNIFORM, half));
        report.add(bench.latency(Workload.HOT, Math.max(10, Math.floor(saturation(Workload.HOT, 0) / 2))));
        for (double share : options.quick ? new double[0] : new double[] {0.25, 0.75}) {
            // more points of the latency/throughput curve, for the chart
            Measurement m = bench.latency(Workload.UNIFORM, Math.floor(uniform * share));
            report.add(new Measurement(m.system(), "latency-curve", m.workload(), m.offeredPerSecond(),
                    m.throughputPerSecond(), m.latency(), m.notes()));
        }
        return half;
    }

    /** The engine's saturation on {@code workload} in this run, or {@code otherwise} when it was not measured. */
    private double saturation(Workload workload, double otherwise) {
        return report.find("gream-engine", "saturation", workload.label()).map(Measurement::throughputPerSecond)
                .orElse(otherwise);
    }

    private void mysql() throws Exception {
        MysqlBench bench;
        try {
            bench = new MysqlBench(options.mysqlUrl, options.mysqlUser, options.mysqlPassword, runId, profile);
        } catch (SQLException e) {
            System.out.println("MySQL baseline skipped, no server at " + options.mysqlUrl + ": " + e.getMessage());
            report.engineFact("mysqlSkipped", e.getMessage());
            return;
        }
        try (bench) {
            for (Workload w : List.of(Workload.HOT, Workload.UNIFORM)) {
                for (int threads : profile.mysqlThreads()) {
                    report.add(bench.saturation(w, threads));
                }
            }
        }
    }

    private void rest() throws Exception {
        String url = options.ingressUrl;
        // one key for the ingress and the lock-based service, so one token works for both
        String secret = Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));
        if (url == null) {
            List<String> args = new ArrayList<>(options.ingressArgs);
            args.add("--gream.auth.hmac-secret=" + secret);
            ServiceJvm ingress = GreamJvms.ingress(clients.bootstrapServers(), engine().url(),
                    options.out.toAbsolutePath(), words(options.ingressJvmArgs), args);
            started.push(ingress);
            url = ingress.url();
        }
        RestBench bench = new RestBench(profile);
        bench.issueTokens(url, REST_BIDDERS);
        // an ingress started elsewhere signs with a key the lock-based service does not know
        LockingRestService locking = options.ingressUrl == null ? lockingRestService(secret) : null;
        bench.warmUp("gream-rest", url, engineBench().openedAuctions(Workload.UNIFORM, REST_BIDDERS));
        engineDrainedMs();
        if (locking != null) {
            bench.warmUp("locking-rest", locking.url(), locking.openedAuctions(Workload.UNIFORM, runId, REST_BIDDERS));
        }
        for (Workload w : List.of(Workload.HOT, Workload.UNIFORM)) {
            String ingressUrl = url;
            atRates(rate -> bench.bids("gream-rest", ingressUrl, engineBench().openedAuctions(w, REST_BIDDERS), rate)
                    .withNote("engineBacklogDrainedMs", engineDrainedMs()));
            if (locking != null) {
                atRates(rate -> bench.bids("locking-rest", locking.url(),
                        locking.openedAuctions(w, runId, REST_BIDDERS), rate));
            }
        }
        if (locking != null) {
            // last: a generator faster than the trivial endpoint leaves a backlog no later phase should inherit
            report.add(bench.ping(locking.url() + "/ping", GENERATOR_RATE));
        }
    }

    /**
     * Waits until the engine has decided every command written so far, so that no later phase, of either system,
     * runs beside its backlog. Returns how long that took in milliseconds, or -1 when it did not within 3 minutes.
     */
    private long engineDrainedMs() {
        if (engineLag == null) {
            engineLag = new GroupLag(clients.bootstrapServers());
            started.push(engineLag);
        }
        return engineLag.awaitCaughtUp(ENGINE_GROUP, Topics.AUCTION_COMMANDS.name(), 0, Duration.ofMinutes(3),
                Duration.ofMillis(250), reading -> { }).map(Duration::toMillis).orElse(-1L);
    }

    /** Each REST rate in turn, until one collapsed: higher rates would only wait out their timeouts. */
    private void atRates(java.util.function.DoubleFunction<Measurement> phase) {
        for (double rate : profile.restRates()) {
            Measurement m = phase.apply(rate);
            report.add(m);
            if (m.throughputPerSecond() < 0.8 * rate || m.latency().p99Ms() > 5_000) {
                break;
            }
        }
    }

    private LockingRestService lockingRestService(String secret) {
        try {
            LockingRestService locking = new LockingRestService(options.mysqlUrl, options.mysqlUser,
                    options.mysqlPassword, runId, secret, options.out.toAbsolutePath(),
                    words(options.lockingJvmArgs));
            started.push(locking);
            return locking;
        } catch (SQLException e) {
            System.out.println("lock-based REST service skipped, no server at " + options.mysqlUrl + ": " + e);
            report.engineFact("lockingRestSkipped", e.getMessage());
            return null;
        }
    }

    /** The cluster named by the options, or a broker started in this JVM from a temporary directory. */
    private String bootstrapServers() throws Exception {
        if (options.bootstrapServers != null) {
            return options.bootstrapServers;
        }
        System.out.println("starting a Kafka broker (KRaft) in this JVM");
        // Benchmarks may write to a topic before anyone created it.
        KafkaNode broker = KafkaNode.startTemporary(options.partitions,
                settings -> Map.of("auto.create.topics.enable", "true"));
        started.push(broker);
        return broker.bootstrapServers();
    }

    private ServiceJvm engine() {
        if (engine == null) {
            engine = options.engineUrl != null ? ServiceJvm.existing("bid-engine", options.engineUrl)
                    : GreamJvms.engine(clients.bootstrapServers(), options.partitions, options.out.toAbsolutePath(),
                    words(options.engineJvmArgs), options.engineArgs);
            started.push(engine);
        }
        return engine;
    }

    private EngineBench engineBench() {
        if (engineBench == null) {
            engine();
            engineBench = new EngineBench(clients, profile, runId);
            started.push(engineBench);
        }
        return engineBench;
    }

    private static List<String> words(String args) {
        return args.isBlank() ? List.of() : Arrays.asList(args.trim().split("\\s+"));
    }

    private void closeAll() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.out.println("while stopping: " + e);
            }
        }
    }
}
