package io.gream.perf;

import io.gream.perf.report.ReportWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The command line: {@code gream-perf <benchmark> [options]}, one subcommand per benchmark plus {@code all}, which
 * runs the whole suite and writes the report that {@code docs/performance.md} quotes.
 */
@Command(name = "gream-perf", mixinStandardHelpOptions = true, version = "gream-perf 0.1.0",
        description = {"Benchmarks Gream side by side with its baselines: a raw Kafka ceiling, a lock-based MySQL "
                + "design and the decider alone. Starts a Kafka broker in this JVM and the engine and ingress as "
                + "child JVMs from their -exec jars, unless told to use existing ones.",
                "Build first: ./mvnw -B -q -pl perf -am package -DskipTests"},
        commandListHeading = "%nBenchmarks:%n")
public final class PerfCommand implements Callable<Integer> {

    private PerfCommand() {
    }

    public static void main(String[] args) {
        // With 1-2 cores CompletableFuture would start a thread per async task: keep the common pool in use.
        if (System.getProperty("java.util.concurrent.ForkJoinPool.common.parallelism") == null) {
            System.setProperty("java.util.concurrent.ForkJoinPool.common.parallelism",
                    String.valueOf(Math.max(2, Runtime.getRuntime().availableProcessors() - 1)));
        }
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new PerfCommand());
        add(cli, "all", EnumSet.allOf(Phase.class), "The whole suite and the report (about 20 minutes on 2 cores; "
                + "--quick for a smoke run).");
        for (Phase phase : List.of(Phase.ENGINE, Phase.RAW, Phase.BARE, Phase.DECIDER, Phase.MYSQL, Phase.REST,
                Phase.CLOSE)) {
            add(cli, phase.command, EnumSet.of(phase), phase.description);
        }
        cli.addSubcommand("render", new RenderCommand());
        return cli;
    }

    private static void add(CommandLine cli, String name, Set<Phase> phases, String description) {
        CommandLine sub = new CommandLine(new PhaseCommand(name, phases));
        sub.getCommandSpec().usageMessage().description(description);
        cli.addSubcommand(name, sub);
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 2;
    }

    /** Runs some phases and writes their report. */
    @Command(mixinStandardHelpOptions = true)
    static final class PhaseCommand implements Callable<Integer> {

        private final String name;
        private final Set<Phase> phases;

        @Mixin
        RunOptions options = new RunOptions();

        PhaseCommand(String name, Set<Phase> phases) {
            this.name = name;
            this.phases = phases;
        }

        @Override
        public Integer call() throws Exception {
            new BenchmarkRun(options, phases, "gream-perf " + name + (options.quick ? " --quick" : "")).run();
            return 0;
        }
    }

    /** Writes report.md and the chart again from a run's report.json, without running anything. */
    @Command(name = "render", mixinStandardHelpOptions = true,
            description = "Renders report.md and the chart again from the report.json in --out.")
    static final class RenderCommand implements Callable<Integer> {

        @Option(names = "--out", defaultValue = "perf-results",
                description = "Directory holding report.json (default: ${DEFAULT-VALUE}).")
        Path out;

        @Override
        public Integer call() throws Exception {
            ReportWriter.write(ReportWriter.read(out.resolve(ReportWriter.JSON)), out);
            return 0;
        }
    }
}
