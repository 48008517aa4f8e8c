package io.gream.audit;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code gream-audit}: reads a cluster's auction log, replays every command through the engine's rules and proves
 * every decision, seq, close and settlement, or names the first difference. Exit code 0 when every check holds, 1
 * when one fails, 2 for a wrong option, 3 when the log or the database could not be read.
 *
 * <p>It proves what is in the log and the ledger, not what clients were answered, and it reads the whole log into
 * memory each time: an audit of a large cluster wants a heap to match.
 */
@Command(name = "gream-audit", mixinStandardHelpOptions = true, version = "gream-audit 0.1.0",
        description = {"Proves a Gream cluster's auctions from its log: replays gream.auction-commands through the "
                + "auction rules and checks every event of gream.auction-events, every close and every settlement "
                + "in gream.settlement-events (and, given --jdbc-url, the settlement table and the ledger), or names "
                + "the first difference."})
public final class AuditCommand implements Callable<Integer> {

    @Option(names = "--bootstrap-servers", defaultValue = "localhost:9092",
            description = "The cluster (default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--consumer-property", paramLabel = "KEY=VALUE",
            description = "A further consumer setting, e.g. security.protocol=SSL; repeatable.")
    Map<String, String> consumerProperties = new LinkedHashMap<>();

    @Option(names = "--jdbc-url", description = "The settlement database, e.g. jdbc:mariadb://db:3306/gream_settlement;"
            + " without it the settlement table and the ledger are not checked.")
    String jdbcUrl;

    @Option(names = "--jdbc-user", defaultValue = "root", description = "Database user (default: ${DEFAULT-VALUE}).")
    String jdbcUser;

    @Option(names = "--jdbc-password", defaultValue = "${env:GREAM_AUDIT_JDBC_PASSWORD}",
            description = "Database password (default: the environment variable GREAM_AUDIT_JDBC_PASSWORD).")
    String jdbcPassword;

    static final int COULD_NOT_READ = 3;

    private final PrintStream out;

    AuditCommand(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.out).execute(args));
    }

    static CommandLine commandLine(PrintStream out) {
        CommandLine cli = new CommandLine(new AuditCommand(out));
        // A log that could not be read is not a log that differs: its own exit code.
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println("gream-audit: could not read the log: " + e);
            return COULD_NOT_READ;
        });
        return cli;
    }

    @Override
    public Integer call() throws Exception {
        Optional<LogReader.Database> database = Optional.ofNullable(jdbcUrl)
                .map(url -> new LogReader.Database(url, jdbcUser, jdbcPassword == null ? "" : jdbcPassword));
        LogRecords records = new LogReader(bootstrapServers, consumerProperties).read(database);
        List<Check> checks = new Verifier().verify(records);
        checks.forEach(check -> out.println(check.line()));
        Optional<String> first = Check.firstDifference(checks);
        if (first.isPresent()) {
            out.println("FIRST DIFFERENCE  " + first.get());
            return 1;
        }
        out.printf("ALL %d CHECKS HOLD: %d commands, %d auction events, %d settlement events%s%n", checks.size(),
                records.commands().size(), records.events().size(), records.settlementEvents().size(),
                database.isPresent() ? ", %d settlement rows, %d ledger lines".formatted(records.settlements().size(),
                        records.ledger().size()) : " (no database given: settlement rows and ledger not checked)");
        return 0;
    }
}
