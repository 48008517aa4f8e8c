package io.gream.childjvm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Spring Boot module's {@code -exec} jar run as a {@link ChildJvm} on a free port ({@code --server.port}), ready
 * once an HTTP path answers 200, and measurable from outside: its RSS and the size of its state directory. Or a
 * service already running elsewhere ({@link #existing}), of which only the URL is known. The caller gives every
 * other setting; this knows none.
 *
 * @param url      where its HTTP API answers
 * @param jvm      the child JVM, {@code null} for a service running elsewhere
 * @param stateDir the directory it keeps its state in, or {@code null}
 */
public record ServiceJvm(String name, String url, ChildJvm jvm, Path stateDir) implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    /**
     * Starts {@code module}'s {@code -exec} jar with {@code args}, its output in {@code <dir>/<module>.log}, stopped
     * when this JVM exits, and returns once {@code readyPath} answers 200.
     */
    public static ServiceJvm start(String module, Path dir, List<String> jvmOptions, String readyPath, Path stateDir,
                                   List<String> args) {
        int port = Ports.free();
        List<String> all = new ArrayList<>(List.of("--server.port=" + port));
        all.addAll(args);
        ChildJvm jvm = ChildJvm.start(module, ChildJvm.command(ExecJars.find(module), jvmOptions, all),
                dir.resolve(module + ".log")).stopOnExit();
        System.out.printf("started %s (pid %d), log %s%n", module, jvm.pid(), jvm.log());
        String url = "http://localhost:" + port;
        jvm.awaitReady(READY_TIMEOUT, () -> Probes.answers(url + readyPath, ""));
        System.out.println(module + " ready at " + url);
        return new ServiceJvm(module, url, jvm, stateDir);
    }

    public static ServiceJvm existing(String name, String url) {
        return new ServiceJvm(name, url, null, null);
    }

    /** RSS of the child JVM in bytes, -1 if unknown. */
    public long rssBytes() {
        return jvm == null ? -1 : jvm.rssBytes();
    }

    /** Bytes of the files under the state directory, -1 if unknown. */
    public long stateBytes() {
        if (stateDir == null || !Files.isDirectory(stateDir)) {
            return -1;
        }
        try (Stream<Path> files = Files.walk(stateDir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (jvm != null) {
            jvm.close();
        }
    }
}
