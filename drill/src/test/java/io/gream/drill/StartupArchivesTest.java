package io.gream.drill;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StartupArchivesTest {

    @TempDir
    Path tmp;

    @Test
    void aServiceRunsItsOwnJarWithoutAnArchiveUntilBothAreMade() throws IOException {
        Path moduleJar = file(tmp.resolve("bid-engine/target/bid-engine-1-exec.jar"), Instant.parse("2026-11-22T10:00:00Z"));
        StartupArchives archives = new StartupArchives(tmp.resolve("cluster"));

        assertThat(archives.jar(moduleJar)).isEqualTo(moduleJar);
        assertThat(archives.options(moduleJar)).isEmpty();
        assertThat(archives.isCurrent(moduleJar)).isFalse();

        Path extracted = file(tmp.resolve("cluster/jvm/bid-engine/bid-engine-1-exec.jar"),
                Instant.parse("2026-11-22T10:05:00Z"));
        assertThat(archives.jar(moduleJar)).isEqualTo(extracted);
        assertThat(archives.options(moduleJar)).as("no archive recorded yet").isEmpty();

        Path archive = file(tmp.resolve("cluster/jvm/bid-engine/app.jsa"), Instant.parse("2026-11-22T10:06:00Z"));
        assertThat(archives.options(moduleJar)).containsExactly("-XX:SharedArchiveFile=" + archive);
        assertThat(archives.isCurrent(moduleJar)).isTrue();
    }

    @Test
    void aRebuiltJarMakesItsArchiveOutOfDate() throws IOException {
        Path moduleJar = file(tmp.resolve("notifier/target/notifier-1-exec.jar"), Instant.parse("2026-11-22T11:00:00Z"));
        file(tmp.resolve("cluster/jvm/notifier/notifier-1-exec.jar"), Instant.parse("2026-11-22T10:05:00Z"));
        file(tmp.resolve("cluster/jvm/notifier/app.jsa"), Instant.parse("2026-11-22T10:06:00Z"));

        assertThat(new StartupArchives(tmp.resolve("cluster")).isCurrent(moduleJar)).isFalse();
    }

    private static Path file(Path path, Instant modified) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, "x");
        Files.setLastModifiedTime(path, FileTime.from(modified));
        return path;
    }
}
