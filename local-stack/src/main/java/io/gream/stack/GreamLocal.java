package io.gream.stack;

import io.gream.stack.service.GreamServices;
import io.gream.stack.service.RunningService;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code ./gream-local}: starts the local stack, prints where everything is and one "Gream is ready" line (printed
 * once every service's readiness probe answered, see {@link io.gream.stack.service.GreamServices}), and stops it all
 * cleanly on Ctrl-C or SIGTERM.
 *
 * <p>Exit codes: {@code 2} bad options, {@code 1} a port is taken or something failed to start.
 */
public final class GreamLocal {

    private GreamLocal() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.print(StackSettings.usage(GreamServices.ALL));
            return;
        }
        StackSettings settings;
        try {
            settings = StackSettings.parse(args, System.getenv(), GreamServices.ALL);
        } catch (IllegalArgumentException e) {
            System.err.println("gream-local: " + e.getMessage());
            System.err.print(StackSettings.usage(GreamServices.ALL));
            System.exit(2);
            return;
        }
        Path dataDir = settings.dataDir().toAbsolutePath().normalize();
        // Read by logback.xml before the first Spring context takes over logging with the same settings.
        System.setProperty("LOG_FILE", dataDir.resolve("logs").resolve("gream.log").toString());
        System.setProperty("CONSOLE_LOG_THRESHOLD", "WARN");
        // Checked again by LocalStack.start; here first, so a taken port is the only thing printed.
        List<String> portProblems = PortCheck.problems(settings.namedPorts());
        if (!portProblems.isEmpty()) {
            exitOnPorts(portProblems);
            return;
        }
        boolean resuming = Files.exists(dataDir.resolve("kafka").resolve("meta.properties"));
        out.println((resuming ? "Resuming Gream from " : "Starting Gream with a new data directory ") + dataDir);
        long startedAt = System.nanoTime();
        LocalStack stack;
        try {
            stack = LocalStack.start(settings);
        } catch (LocalStack.PortsUnavailableException e) {
            exitOnPorts(e.problems());
            return;
        } catch (Exception e) {
            System.err.println("gream-local: failed to start: " + e);
            System.err.println("See the log: " + dataDir.resolve("logs").resolve("gream.log"));
            e.printStackTrace();
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping Gream...");
            stack.close();
            out.println("Gream stopped; data kept in " + dataDir);
        }, "gream-shutdown"));
        printReady(out, stack, Duration.ofNanos(System.nanoTime() - startedAt));
    }

    private static void exitOnPorts(List<String> problems) {
        System.err.println("gream-local: cannot start, nothing was started:");
        problems.forEach(problem -> System.err.println("  - " + problem));
        System.err.println("Stop what uses the port, or choose another with the flag named (see --help).");
        System.exit(1);
    }

    private static void printReady(PrintStream out, LocalStack stack, Duration took) {
        out.println();
        for (RunningService service : stack.services()) {
            out.printf("  %-18s %-24s health %s%s%n", service.definition().name(), service.url(), service.url(),
                    service.definition().healthPath());
        }
        String ingress = stack.url(GreamServices.INGRESS_API.name());
        out.printf("  %-18s %s%n", "API docs", ingress + "/swagger-ui.html");
        out.printf("  %-18s %s%n", "kafka", stack.bootstrapServers());
        out.printf("  %-18s %s%n", "data", stack.layout().dataDir());
        out.printf("  %-18s %s%n", "logs", stack.logFile());
        String notifier = stack.url(GreamServices.NOTIFIER.name());
        out.println();
        out.printf("Gream is ready in %.1f s: API at %s (dev tokens: POST %s/api/dev/tokens), notifications at %s"
                        + "/api/notifications. Ctrl-C stops it.%n",
                took.toMillis() / 1000.0, ingress, ingress, notifier);
    }
}
