package io.gream.childjvm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service in a JVM of its own, so its memory (RSS) and CPU are its own and a fault injected into it (SIGKILL,
 * SIGSTOP) hits nothing else. Its output is appended to a log file. The process is known by its pid, so a JVM that
 * did not start it can {@link #attach} and still pause or kill it; it outlives the JVM that started it unless
 * {@link #stopOnExit} asks otherwise. Signals other than SIGTERM and SIGKILL go through {@code kill}: POSIX only.
 */
public final class ChildJvm implements AutoCloseable {

    private static final Pattern VM_RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final String name;
    private final ProcessHandle process;
    private final Path log;

    private ChildJvm(String name, ProcessHandle process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** {@code java <jvmOptions> -jar <jar> <args>} with this JVM's own {@code java}. */
    public static List<String> command(Path jar, List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        return command;
    }

    /** Starts {@code command}, appending its output (after a header line) to {@code log}. */
    public static ChildJvm start(String name, List<String> command, Path log) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.writeString(log, "%n==== starting %s%n".formatted(name),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(log.toFile())).start();
            return new ChildJvm(name, process.toHandle(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** The live process {@code pid} started earlier, perhaps by another JVM; empty once it has exited. */
    public static Optional<ChildJvm> attach(String name, long pid, Path log) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> new ChildJvm(name, p, log));
    }

    /** Stops the process when this JVM exits. */
    public ChildJvm stopOnExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, name + "-stop"));
        return this;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** The operating system's view of the process: CPU time, command line. */
    public ProcessHandle process() {
        return process;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Polls {@code ready} every 250 ms until it holds; fails at once if the process exits first. */
    public void awaitReady(Duration timeout, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!isAlive()) {
                throw new IllegalStateException(name + " exited during start; see " + log);
            }
            if (ready.getAsBoolean()) {
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
    }

    /** Resident set size in bytes from {@code /proc/<pid>/status}, or -1 where there is no such file. */
    public long rssBytes() {
        try {
            Matcher m = VM_RSS.matcher(Files.readString(Path.of("/proc", String.valueOf(pid()), "status")));
            return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** SIGKILL: no shutdown hook, no flush, no leaving a group. Returns once the process is gone. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    /** SIGSTOP: the process freezes, holding its sockets, as on a long GC pause or a hung VM. */
    public void pause() {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause}. */
    public void resume() {
        signal("CONT");
    }

    /** SIGTERM (after a SIGCONT, in case it is paused), then SIGKILL if it has not exited after {@code grace}. */
    public void stop(Duration grace) {
        if (!isAlive()) {
            return;
        }
        resume();
        process.destroy();
        if (!awaitExit(grace)) {
            System.out.println(name + " did not stop in " + grace.toSeconds() + " s; killing it");
            kill();
        }
    }

    @Override
    public void close() {
        stop(STOP_GRACE);
    }

    private boolean awaitExit(Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return !process.isAlive();
        }
    }

    private void signal(String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, String.valueOf(pid())).inheritIO().start()
                    .waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send SIG" + signal + " to " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
