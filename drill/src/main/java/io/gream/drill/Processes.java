package io.gream.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Starts, kills, pauses and resumes the cluster's processes by the pid recorded in {@code pids/<name>.pid}, so any
 * JVM that knows the {@link ClusterLayout} can inject faults into a cluster another JVM started. Processes are
 * detached from the JVM that starts them: they outlive it, with their output appended to their log.
 */
final class Processes {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ClusterLayout layout;

    Processes(ClusterLayout layout) {
        this.layout = layout;
    }

    long start(ClusterLayout.Node node) {
        try {
            Files.createDirectories(layout.logs());
            Files.createDirectories(layout.pids());
            Files.writeString(node.log(), "%n==== starting %s%n".formatted(node.name()),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            Process process = new ProcessBuilder(node.command()).redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(node.log().toFile())).start();
            Files.writeString(pidFile(node), String.valueOf(process.pid()));
            return process.pid();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + node.name(), e);
        }
    }

    Optional<ProcessHandle> handle(ClusterLayout.Node node) {
        Path file = pidFile(node);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(Long.parseLong(Files.readString(file).trim())).filter(ProcessHandle::isAlive);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isAlive(ClusterLayout.Node node) {
        return handle(node).isPresent();
    }

    /** {@code kill -9}: no shutdown hook, no flush, no leaving the group. Waits until the process is gone. */
    void kill9(ClusterLayout.Node node) {
        handle(node).ifPresent(process -> {
            signal(process.pid(), "KILL");
            awaitExit(process, Duration.ofSeconds(10));
        });
    }

    /** {@code kill -STOP}: the process freezes, holding its sockets, as on a long GC pause or a hung VM. */
    void pause(ClusterLayout.Node node) {
        handle(node).ifPresent(process -> signal(process.pid(), "STOP"));
    }

    void resume(ClusterLayout.Node node) {
        handle(node).ifPresent(process -> signal(process.pid(), "CONT"));
    }

    /** Graceful stop (SIGTERM), forced after {@code grace}. */
    void stop(ClusterLayout.Node node, Duration grace) {
        handle(node).ifPresent(process -> {
            signal(process.pid(), "CONT");
            process.destroy();
            if (!awaitExit(process, grace)) {
                process.destroyForcibly();
                awaitExit(process, Duration.ofSeconds(10));
            }
        });
    }

    /** Waits until the node's readiness URL answers 200 (or, for Kafka, its port accepts connections). */
    void awaitReady(ClusterLayout.Node node, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!isAlive(node)) {
                throw new IllegalStateException(node.name() + " exited during start; see " + node.log());
            }
            if (ready(node)) {
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
        throw new IllegalStateException(node.name() + " not ready within " + timeout + "; see " + node.log());
    }

    /** Whether {@code path} on the node answers {@code 200} with a body containing {@code text}. */
    boolean answers(ClusterLayout.Node node, String path, String text) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(node.url() + path))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains(text);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean ready(ClusterLayout.Node node) {
        if (node.readyPath() == null) {
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress(ClusterLayout.HOST, node.port()), 500);
                return true;
            } catch (IOException e) {
                return false;
            }
        }
        return answers(node, node.readyPath(), "");
    }

    private Path pidFile(ClusterLayout.Node node) {
        return layout.pids().resolve(node.name() + ".pid");
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
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

    private static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send SIG" + signal + " to " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
