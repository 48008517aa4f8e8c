package io.gream.childjvm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds a module's runnable {@code -exec} jar from the repository root or a module directory; builds nothing. */
public final class ExecJars {

    private ExecJars() {
    }

    public static Path find(String module) {
        for (Path root : List.of(Path.of("."), Path.of(".."))) {
            Optional<Path> jar = execJar(root.resolve(module).resolve("target"));
            if (jar.isPresent()) {
                return jar.get().toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("no " + module + "/target/" + module + "-*-exec.jar; build it first: "
                + "./mvnw -B -q -pl " + module + " -am package -DskipTests");
    }

    private static Optional<Path> execJar(Path target) {
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
