package io.gream.notifier.testing;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A real HTTP webhook receiver on a free local port (JDK {@link HttpServer}) that records what it is sent. A hanging
 * receiver reads the request and then never answers, until {@link #close()}.
 */
public final class Receiver implements AutoCloseable {

    /** One request as received. */
    public record Delivery(Map<String, List<String>> headers, byte[] body, long receivedAtNanos) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    private final java.util.concurrent.atomic.AtomicInteger failuresLeft;

    private Receiver(boolean hang) throws IOException {
        this(hang, 0);
    }

    private Receiver(boolean hang, int failFirst) throws IOException {
        failuresLeft = new java.util.concurrent.atomic.AtomicInteger(failFirst);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hook", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            deliveries.add(new Delivery(Map.copyOf(exchange.getRequestHeaders()), body, System.nanoTime()));
            if (hang) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(failuresLeft.getAndDecrement() > 0 ? 503 : 204, -1);
            exchange.close();
        });
        server.start();
    }

    public static Receiver answering() throws IOException {
        return new Receiver(false);
    }

    /** Answers 503 to the first {@code failures} requests, then 204. */
    public static Receiver failingFirst(int failures) throws IOException {
        return new Receiver(false, failures);
    }

    public static Receiver hanging() throws IOException {
        return new Receiver(true);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
