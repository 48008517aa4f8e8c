package io.gream.drill;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code gream-drill ...}: the failover drill's commands. {@code cluster-up}/{@code cluster-down} start and stop
 * the multi-process cluster, {@code run} drives load while it injects faults and then verifies, {@code verify}
 * checks a finished run again. {@code kafka-node} is how the cluster starts each Kafka JVM.
 */
@Command(name = "gream-drill", mixinStandardHelpOptions = true, version = "gream-drill 0.1.0",
        description = {"Failover drills: a multi-process cluster on loopback (3 Kafka nodes, 3 bid-engines, "
                + "2 ingress-apis, 2 settlement-workers, 1 notifier), load through the REST API while processes are "
                + "killed, paused and restarted, then the audit of what the cluster left and checks of the answers. See "
                + "docs/reliability.md."},
        subcommands = {DrillCommand.Up.class, DrillCommand.Down.class, DrillCommand.Status.class, DrillCommand.Start.class,
                DrillRun.class, DrillCommand.Verify.class, DrillCommand.Node.class})
public final class DrillCommand implements Callable<Integer> {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new DrillCommand());
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 2;
    }

    /** Where the cluster lives; shared by every subcommand so they agree on ports and pids. */
    static final class ClusterOptions {

        @Option(names = "--dir", defaultValue = "drill/target/drill-cluster",
                description = "Cluster directory: data, logs, pids (default: ${DEFAULT-VALUE}).")
        Path dir;

        @Option(names = "--base-port", defaultValue = "29000",
                description = "Ports are derived from this (default: ${DEFAULT-VALUE}); see docs/reliability.md.")
        int basePort;

        @Option(names = "--engine-arg", description = "Extra argument for every bid-engine, repeatable, e.g. "
                + "--engine-arg=--spring.kafka.streams.properties.commit.interval.ms=1000")
        java.util.List<String> engineArgs = new java.util.ArrayList<>();

        ClusterLayout layout() {
            return new ClusterLayout(dir, basePort, engineArgs);
        }
    }

    @Command(name = "cluster-up", mixinStandardHelpOptions = true,
            description = "Starts the cluster from nothing (wipes its data and the gream_drill_* databases) and "
                    + "returns when every process is ready; the processes keep running.")
    static final class Up implements Callable<Integer> {
        @Mixin
        ClusterOptions cluster = new ClusterOptions();

        @Override
        public Integer call() throws Exception {
            new Cluster(cluster.layout()).up();
            return 0;
        }
    }

    @Command(name = "cluster-down", mixinStandardHelpOptions = true, description = "Stops every process (SIGTERM).")
    static final class Down implements Callable<Integer> {
        @Mixin
        ClusterOptions cluster = new ClusterOptions();

        @Override
        public Integer call() {
            new Cluster(cluster.layout()).down();
            return 0;
        }
    }

    @Command(name = "cluster-status", mixinStandardHelpOptions = true, description = "Each process: pid, ready.")
    static final class Status implements Callable<Integer> {
        @Mixin
        ClusterOptions cluster = new ClusterOptions();

        @Override
        public Integer call() {
            new Cluster(cluster.layout()).status();
            return 0;
        }
    }

    @Command(name = "cluster-start", mixinStandardHelpOptions = true,
            description = "Starts one stopped or killed process of the running cluster, keeping its data.")
    static final class Start implements Callable<Integer> {
        @Mixin
        ClusterOptions cluster = new ClusterOptions();

        @Option(names = "--node", required = true, description = "e.g. bid-engine-2, kafka-1, notifier-1")
        String node;

        @Override
        public Integer call() {
            ClusterLayout layout = cluster.layout();
            ClusterLayout.Node target = layout.node(node)
                    .orElseThrow(() -> new IllegalArgumentException("no process named " + node));
            new Cluster(layout).restart(target, java.time.Duration.ofSeconds(240));
            System.out.println(node + " ready at " + target.url());
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Reads the cluster's topics (read_committed) and settlement database back and checks a "
                    + "run's recorded answers against them.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        ClusterOptions cluster = new ClusterOptions();

        @Option(names = "--run", required = true, description = "The run directory that 'gream-drill run' wrote.")
        Path run;

        @Override
        public Integer call() throws Exception {
            DrillResult result = DrillRun.verify(cluster.layout(), run);
            return result.passed() ? 0 : 1;
        }
    }

    @Command(name = "kafka-node", hidden = true, description = "Runs one Kafka node of the cluster (internal).")
    static final class Node implements Callable<Integer> {
        @Mixin
        ClusterOptions cluster = new ClusterOptions();

        @Option(names = "--node", required = true)
        int node;

        @Override
        public Integer call() throws Exception {
            ClusterLayout layout = cluster.layout();
            ClusterNode.run(layout, node, Files.readString(layout.clusterIdFile()).trim());
            return 0;
        }
    }
}
