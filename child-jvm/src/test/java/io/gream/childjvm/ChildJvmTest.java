package io.gream.childjvm;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ChildJvmTest {

    @TempDir
    Path dir;

    private final List<ChildJvm> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(ChildJvm::close);
    }

    @Test
    void startsAChildThatLogsToItsFileAndWaitsUntilItsPortAccepts() throws IOException {
        int port = Ports.free();
        ChildJvm child = start(String.valueOf(port));

        child.awaitReady(Duration.ofSeconds(30), () -> Probes.accepts("localhost", port));

        assertThat(child.isAlive()).isTrue();
        assertThat(child.rssBytes()).isPositive();
        assertThat(Files.readString(child.log())).contains("==== starting holder", "hello from the child");
    }

    @Test
    void awaitReadyFailsAtOnceWhenTheChildExits() {
        ChildJvm child = start("exit");

        assertThatThrownBy(() -> child.awaitReady(Duration.ofMinutes(5), () -> false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("holder exited during start");
    }

    @Test
    void pauseFreezesTheChildAndResumeThawsIt() throws IOException {
        int port = Ports.free();
        ChildJvm child = start(String.valueOf(port));
        child.awaitReady(Duration.ofSeconds(30), () -> Probes.accepts("localhost", port));

        child.pause();
        await().atMost(Duration.ofSeconds(10)).until(() -> state(child) == 'T');
        child.resume();
        await().atMost(Duration.ofSeconds(10)).until(() -> state(child) != 'T');
    }

    @Test
    void stopEndsEvenAPausedChild() throws IOException {
        int port = Ports.free();
        ChildJvm child = start(String.valueOf(port));
        child.awaitReady(Duration.ofSeconds(30), () -> Probes.accepts("localhost", port));
        child.pause();

        child.stop(Duration.ofSeconds(20));

        assertThat(child.isAlive()).isFalse();
    }

    @Test
    void anotherHandleFoundByPidCanKillTheChild() throws IOException {
        int port = Ports.free();
        ChildJvm child = start(String.valueOf(port));
        child.awaitReady(Duration.ofSeconds(30), () -> Probes.accepts("localhost", port));

        ChildJvm attached = ChildJvm.attach("holder", child.pid(), child.log()).orElseThrow();
        attached.kill();

        assertThat(child.isAlive()).isFalse();
        assertThat(ChildJvm.attach("holder", child.pid(), child.log())).isEmpty();
    }

    private ChildJvm start(String arg) {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-cp", System.getProperty("java.class.path"), PortHolder.class.getName(), arg);
        ChildJvm child = ChildJvm.start("holder", command, dir.resolve("logs/holder.log"));
        started.add(child);
        return child;
    }

    /** The process state letter from {@code /proc/<pid>/stat}: {@code T} when stopped. */
    private static char state(ChildJvm child) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(child.pid()), "stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2);
    }
}
