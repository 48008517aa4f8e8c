package io.gream.ingress.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.GreamJson;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A stand-in for the bid-engine's internal HTTP API (a real HTTP server on an ephemeral port), answering the
 * contract's three endpoints with canned JSON that each test sets per auction id:
 *
 * <ul>
 *   <li>{@code GET /auctions/{id}}: by default {@code 404} with code {@code AUCTION_NOT_FOUND};</li>
 *   <li>{@code GET /auctions/{id}/commands/{commandId}?waitMs=}: by default {@code 202 {"status":"PENDING"}};</li>
 *   <li>{@code GET /auctions?status=OPEN&endingBefore=&limit=}: by default an empty list.</li>
 * </ul>
 * A reply can be held until a latch opens, to play an engine that does not answer in time, or for the request's
 * {@code waitMs}, to play the engine's long poll that times out undecided. Every request is recorded, so tests can
 * check what the ingress asked (e.g. {@code waitMs}). Like the engine, the shared stub answers {@code 401} to a
 * request without the internal token.
 */
public final class EngineStub implements AutoCloseable {

    /** The internal token the shared stub requires, as the engine requires {@code gream.engine.internal-token}. */
    public static final String INTERNAL_TOKEN = "engine-token-for-tests-only";

    private static EngineStub shared;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Reply> auctions = new ConcurrentHashMap<>();
    private final Map<String, Function<String, Reply>> commands = new ConcurrentHashMap<>();
    private final Map<String, Reply> bidHistories = new ConcurrentHashMap<>();
    private volatile Function<Map<String, String>, Reply> list = query -> Reply.json(200, "{\"auctions\":[]}");
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final String requiredToken;

    /** A stub that does not check the internal token. */
    public EngineStub() {
        this(null);
    }

    /** @param requiredToken when not null, a request without it in {@code X-Gream-Internal-Token} gets {@code 401} */
    public EngineStub(String requiredToken) {
        this.requiredToken = requiredToken;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The stub every test class of the shared Spring context talks to. */
    public static synchronized EngineStub shared() {
        if (shared == null) {
            shared = new EngineStub(INTERNAL_TOKEN);
        }
        return shared;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** What {@code GET /auctions/{auctionId}} answers. */
    public void onAuction(String auctionId, Reply reply) {
        auctions.put(auctionId, reply);
    }

    /** What {@code GET /auctions/{auctionId}/commands/{commandId}} answers, given the command id. */
    public void onCommand(String auctionId, Function<String, Reply> reply) {
        commands.put(auctionId, reply);
    }

    /** What {@code GET /auctions/{auctionId}/bids} answers. */
    public void onBidHistory(String auctionId, Reply reply) {
        bidHistories.put(auctionId, reply);
    }

    /** What {@code GET /auctions} answers, given its query parameters. */
    public void onList(Function<Map<String, String>, Reply> reply) {
        list = reply;
    }

    /** Requests received whose path mentions {@code auctionId}, oldest first. */
    public List<Request> requestsFor(String auctionId) {
        return requests.stream().filter(r -> r.path().startsWith("/auctions/" + auctionId)).toList();
    }

    /** Requests to the list endpoint, oldest first. */
    public List<Request> listRequests() {
        return requests.stream().filter(r -> r.path().equals("/auctions")).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            requests.add(new Request(exchange.getRequestMethod(), path, query));
            String[] segments = path.substring(1).split("/");
            Reply reply;
            if (requiredToken != null
                    && !requiredToken.equals(exchange.getRequestHeaders().getFirst("X-Gream-Internal-Token"))) {
                reply = Reply.json(401, "{\"code\":\"UNAUTHORIZED\"}");
            } else if (segments.length == 1 && segments[0].equals("auctions")) {
                reply = list.apply(query);
            } else if (segments.length == 2) {
                reply = auctions.getOrDefault(segments[1], Reply.notFound(segments[1]));
            } else if (segments.length == 3 && segments[2].equals("bids")) {
                reply = bidHistories.getOrDefault(segments[1], Reply.notFound(segments[1]));
            } else if (segments.length == 4 && segments[2].equals("commands")) {
                reply = commands.getOrDefault(segments[1], id -> Reply.pending()).apply(segments[3]);
            } else {
                reply = Reply.json(404, "{\"code\":\"NOT_FOUND\"}");
            }
            reply.send(exchange, query.get("waitMs"));
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** One request as the stub received it. */
    public record Request(String method, String path, Map<String, String> query) {
    }

    /**
     * A canned answer.
     *
     * @param heldUntil   when set, the answer is sent only once this latch opens (or after a minute)
     * @param heldForWait the answer is sent only once the request's {@code waitMs} is over
     */
    public record Reply(int status, String body, Map<String, String> headers, CountDownLatch heldUntil,
                        boolean heldForWait) {

        public static Reply json(int status, String body) {
            return new Reply(status, body, Map.of(), null, false);
        }

        /** The outcome event of a command, serialized exactly as on {@code gream.auction-events}. */
        public static Reply outcome(AuctionEvent event) {
            return json(200, GreamJson.mapper().writerFor(AuctionEvent.class).writeValueAsString(event));
        }

        /** Undecided, at once (as the engine answers {@code waitMs=0}). */
        public static Reply pending() {
            return json(202, "{\"status\":\"PENDING\"}");
        }

        /** Undecided once the request's {@code waitMs} is over: the engine's long poll timing out. */
        public static Reply pendingAfterTheWait() {
            return new Reply(202, "{\"status\":\"PENDING\"}", Map.of(), null, true);
        }

        public static Reply notFound(String auctionId) {
            return new Reply(404, "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                    + "\"code\":\"AUCTION_NOT_FOUND\",\"detail\":\"no auction " + auctionId + "\"}",
                    Map.of("Content-Type", "application/problem+json"), null, false);
        }

        /** The engine's answer while it rebalances. */
        public static Reply rebalancing(Duration retryAfter) {
            return new Reply(503, "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                    + "\"code\":\"REBALANCING\"}",
                    Map.of("Content-Type", "application/problem+json",
                            "Retry-After", String.valueOf(retryAfter.toSeconds())), null, false);
        }

        public Reply heldUntil(CountDownLatch latch) {
            return new Reply(status, body, headers, latch, heldForWait);
        }

        void send(HttpExchange exchange, String waitMs) throws IOException {
            try {
                if (heldUntil != null) {
                    heldUntil.await(1, TimeUnit.MINUTES);
                }
                if (heldForWait && waitMs != null) {
                    // a latch nobody opens: the engine's waiter timing out
                    new CountDownLatch(1).await(Long.parseLong(waitMs), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            try {
                exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } catch (IOException e) {
                // the client gave up waiting (a timeout test): nothing to answer
            }
        }
    }
}
