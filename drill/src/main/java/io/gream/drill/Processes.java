package io.gream.drill;

import io.gream.childjvm.ChildJvm;
import io.gream.childjvm.Probes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The cluster's processes by the pid recorded in {@code pids/<name>.pid}, so any JVM that knows the
 * {@link ClusterLayout} can inject faults into a cluster another JVM started. Each is a {@link ChildJvm}: detached
 * from the JVM that starts it, it outlives it, with its output appended to its log.
 */
final class Processes {

    private final ClusterLayout layout;

    Processes(ClusterLayout layout) {
        this.layout = layout;
    }

    long start(ClusterLayout.Node node) {
        ChildJvm jvm = ChildJvm.start(node.name(), node.command(), node.log());
        try {
            Files.createDirectories(layout.pids());
            Files.writeString(pidFile(node), String.valueOf(jvm.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jvm.pid();
    }

    Optional<ChildJvm> jvm(ClusterLayout.Node node) {
        Path file = pidFile(node);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return ChildJvm.attach(node.name(), Long.parseLong(Files.readString(file).trim()), node.log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<ProcessHandle> handle(ClusterLayout.Node node) {
        return jvm(node).map(ChildJvm::process);
    }

    boolean isAlive(ClusterLayout.Node node) {
        return jvm(node).isPresent();
    }

    /** {@code kill -9}: no shutdown hook, no flush, no leaving the group. Waits until the process is gone. */
    void kill9(ClusterLayout.Node node) {
        jvm(node).ifPresent(ChildJvm::kill);
    }

    /** {@code kill -STOP}: the process freezes, holding its sockets, as on a long GC pause or a hung VM. */
    void pause(ClusterLayout.Node node) {
        jvm(node).ifPresent(ChildJvm::pause);
    }

    void resume(ClusterLayout.Node node) {
        jvm(node).ifPresent(ChildJvm::resume);
    }

    /** Graceful stop (SIGTERM), forced after {@code grace}. */
    void stop(ClusterLayout.Node node, Duration grace) {
        jvm(node).ifPresent(jvm -> jvm.stop(grace));
    }

    /** Waits until the node's readiness URL answers 200 (or, for Kafka, its port accepts connections). */
    void awaitReady(ClusterLayout.Node node, Duration timeout) {
        jvm(node).orElseThrow(() -> new IllegalStateException(node.name() + " exited during start; see "
                + node.log())).awaitReady(timeout, () -> ready(node));
    }

    /** Whether {@code path} on the node answers {@code 200} with a body containing {@code text}. */
    boolean answers(ClusterLayout.Node node, String path, String text) {
        return Probes.answers(node.url() + path, text);
    }

    boolean ready(ClusterLayout.Node node) {
        return node.readyPath() == null ? Probes.accepts(ClusterLayout.HOST, node.port())
                : answers(node, node.readyPath(), "");
    }

    private Path pidFile(ClusterLayout.Node node) {
        return layout.pids().resolve(node.name() + ".pid");
    }
}
