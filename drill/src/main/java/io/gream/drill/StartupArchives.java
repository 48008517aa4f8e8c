package io.gream.drill;

import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes the drill's restarts cheaper: on two shared cores, a killed service restarting every few seconds takes the
 * CPU the survivors need to take its work over. A Spring Boot service starts with less CPU when it runs from its
 * extracted jar (Spring Boot's {@code -Djarmode=tools extract}) with a class data sharing archive recorded by one
 * training start ({@code -XX:ArchiveClassesAtExit} with {@code -Dspring.context.exit=onRefresh}); measured on the
 * bid-engine, CPU time to a started application: 12-15 s by default, 8.8 s with the archive (docs/reliability.md).
 *
 * <p>Per module, under {@code <cluster dir>/jvm/<module>/}: the extracted jar and {@code app.jsa}. Both are made
 * again when the module's jar is newer than the extracted copy. A failed training start leaves no archive, and the
 * service then simply starts without one.
 */
final class StartupArchives {

    private static final Duration TRAINING_LIMIT = Duration.ofMinutes(4);

    private final Path root;

    StartupArchives(Path clusterDir) {
        this.root = clusterDir.resolve("jvm");
    }

    /** The jar to run: the extracted copy when it exists, else the module's own jar. */
    Path jar(Path moduleJar) {
        Path extracted = extractedJar(moduleJar);
        return Files.exists(extracted) ? extracted : moduleJar;
    }

    /** The JVM options that use the archive, when there is one for this jar. */
    List<String> options(Path moduleJar) {
        Path archive = archive(moduleJar);
        return Files.exists(archive) && Files.exists(extractedJar(moduleJar))
                ? List.of("-XX:SharedArchiveFile=" + archive) : List.of();
    }

    boolean isCurrent(Path moduleJar) {
        Path extracted = extractedJar(moduleJar);
        try {
            return Files.exists(archive(moduleJar)) && Files.exists(extracted)
                    && !Files.getLastModifiedTime(moduleJar).toInstant()
                    .isAfter(Files.getLastModifiedTime(extracted).toInstant());
        } catch (IOException e) {
            return false;
        }
    }

    /** Extracts the module's jar (after this, {@link #jar} names the extracted copy). */
    void extract(Path moduleJar, Path log) throws IOException, InterruptedException {
        Path dir = extractedJar(moduleJar).getParent();
        FileSystemUtils.deleteRecursively(dir);
        Files.createDirectories(dir);
        run(List.of(java(), "-Djarmode=tools", "-jar", moduleJar.toString(), "extract", "--destination",
                dir.toString()), log);
        Files.setLastModifiedTime(extractedJar(moduleJar), FileTime.from(Instant.now()));
    }

    /**
     * Records the archive with one start of {@code command} (a node's command line, running the extracted jar),
     * which exits once the application context is refreshed, before it serves or consumes anything.
     */
    void train(List<String> command, Path log) throws IOException, InterruptedException {
        Path moduleJar = command.stream().filter(arg -> arg.endsWith(".jar")).map(Path::of).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no jar in " + command));
        List<String> training = new ArrayList<>(command.subList(0, 1));
        training.add("-XX:ArchiveClassesAtExit=" + moduleJar.resolveSibling("app.jsa"));
        training.add("-Dspring.context.exit=onRefresh");
        training.addAll(command.subList(1, command.size()));
        run(training, log);
    }

    private Path extractedJar(Path moduleJar) {
        return root.resolve(module(moduleJar)).resolve(moduleJar.getFileName());
    }

    private Path archive(Path moduleJar) {
        return root.resolve(module(moduleJar)).resolve("app.jsa");
    }

    /** {@code <module>/target/<module>-<version>-exec.jar} names its module two folders up. */
    private static String module(Path moduleJar) {
        return moduleJar.toAbsolutePath().getParent().getParent().getFileName().toString();
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(TRAINING_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("did not finish within " + TRAINING_LIMIT + ": " + String.join(" ", command));
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
