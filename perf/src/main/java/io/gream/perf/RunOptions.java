package io.gream.perf;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Options every benchmark command shares. */
final class RunOptions {

    @Option(names = "--out", description = "Directory for report.md, report.json, the chart and service logs "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "perf-results")
    Path out;

    @Option(names = "--quick", description = "Short phases and small counts: proves the machinery in a minute or "
            + "two, the figures mean little.")
    boolean quick;

    @Option(names = "--partitions", defaultValue = "6", description = "Partitions of the topics the engine creates "
            + "and of the raw baseline's topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--bootstrap-servers", description = "Use this Kafka cluster instead of starting a broker in "
            + "this JVM.")
    String bootstrapServers;

    @Option(names = "--engine-url", description = "Use a bid-engine already running against --bootstrap-servers "
            + "instead of starting one (its RSS and state size are then not measured).")
    String engineUrl;

    @Option(names = "--ingress-url", description = "Use an ingress-api already running (its local profile must be "
            + "active for development tokens, and its rate limit raised) instead of starting one.")
    String ingressUrl;

    @Option(names = "--engine-jvm-args", description = "JVM options of the engine child process, space-separated, "
            + "e.g. \"-Xmx512m -XX:+UseSerialGC -XX:StartFlightRecording=filename=engine.jfr\" (default: "
            + "${DEFAULT-VALUE}, as shipped).", defaultValue = "-Xmx512m -XX:+UseSerialGC")
    String engineJvmArgs;

    @Option(names = "--engine-arg", description = "Extra --property=value for the engine child process; "
            + "repeatable, e.g. --engine-arg=--spring.kafka.streams.properties.num.stream.threads=2")
    List<String> engineArgs = new ArrayList<>();

    @Option(names = "--ingress-jvm-args", defaultValue = "-Xmx512m -XX:+UseSerialGC", description = "JVM options "
            + "of the ingress child process, space-separated (default: ${DEFAULT-VALUE}, the shipped collector).")
    String ingressJvmArgs;

    @Option(names = "--ingress-arg", description = "Extra --property=value for the ingress child process; "
            + "repeatable, e.g. --ingress-arg=--spring.threads.virtual.enabled=true")
    List<String> ingressArgs = new ArrayList<>();

    @Option(names = "--locking-jvm-args", defaultValue = "-Xmx512m -XX:+UseSerialGC", description = "JVM options "
            + "of the lock-based REST service's child process (default: ${DEFAULT-VALUE}, the same as the ingress's).")
    String lockingJvmArgs;

    @Option(names = "--mysql-url", defaultValue = "jdbc:mariadb://127.0.0.1:3306/",
            description = "JDBC URL of the MySQL/MariaDB server for the lock-based baseline; the run creates its "
                    + "own database and drops it after (default: ${DEFAULT-VALUE}).")
    String mysqlUrl;

    @Option(names = "--mysql-user", defaultValue = "root", description = "(default: ${DEFAULT-VALUE})")
    String mysqlUser;

    @Option(names = "--mysql-password", defaultValue = "", description = "(default: empty)")
    String mysqlPassword;

    @Option(names = "--rest-rates", split = ",", description = "Fixed rates (bids/s) offered through REST, one "
            + "phase each, for Gream and the lock-based service, hot and uniform; a system's higher rates are skipped "
            + "once one collapsed (default: 500,1000,2000,3500,5000; quick: 200).")
    List<Double> restRates;

    @Option(names = "--close-auctions", description = "Auctions of the close-lag phase (default: 100000; quick: "
            + "2000).")
    Integer closeAuctions;

    @Option(names = "--rate", defaultValue = "1000", description = "Fixed rate for the latency phases when the "
            + "engine's saturation was not measured in this run (default: ${DEFAULT-VALUE}).")
    double rate;
}
