package io.gream.analytics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gream.analytics.ClosingPrices.BrandAverage;
import io.gream.analytics.HotAuctions.HotAuction;
import io.gream.contracts.GreamJson;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A tiny read-only JSON API over the analytics stores, on the JDK's own HTTP server (an example needs no web
 * framework).
 *
 * <ul>
 *   <li>{@code GET /hot-auctions?limit=10}: the busiest auctions of the last minute by accepted bids;</li>
 *   <li>{@code GET /closing-prices}: per brand, auctions sold and their average closing price.</li>
 * </ul>
 * While Kafka Streams is restoring or rebalancing the stores cannot be read: the answer is {@code 503} with
 * {@code Retry-After}, never a {@code 500}. No authentication: bind it to a private interface.
 */
public final class AnalyticsHttpServer implements AutoCloseable {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;

    private static final Logger log = LoggerFactory.getLogger(AnalyticsHttpServer.class);

    private final HttpServer server;
    private final HotAuctions hotAuctions;
    private final ClosingPrices closingPrices;
    private final Clock clock;

    /** @param clock the time "the last minute" of hot auctions ends at */
    public AnalyticsHttpServer(InetSocketAddress address, HotAuctions hotAuctions, ClosingPrices closingPrices,
                               Clock clock) throws IOException {
        this.hotAuctions = hotAuctions;
        this.closingPrices = closingPrices;
        this.clock = clock;
        this.server = HttpServer.create(address, 0);
        server.createContext("/", this::handle);
    }

    public AnalyticsHttpServer start() {
        server.start();
        return this;
    }

    /** The bound port, useful when started on port 0. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            Object body = switch (path) {
                case "/hot-auctions" -> get(exchange, () -> hotAuctions(exchange.getRequestURI().getRawQuery()));
                case "/closing-prices" -> get(exchange, () -> new ClosingPricesView(closingPrices.byBrand()));
                default -> throw new HttpProblem(404, "no such resource: " + path);
            };
            respond(exchange, 200, body);
        } catch (HttpProblem e) {
            if (e.status == 405) {
                exchange.getResponseHeaders().set("Allow", "GET");
            }
            respond(exchange, e.status, new Problem(e.getMessage()));
        } catch (InvalidStateStoreException e) {
            // Restoring or rebalancing: a state the client should wait out, not an error.
            exchange.getResponseHeaders().set("Retry-After", "1");
            respond(exchange, 503, new Problem("analytics stores are not queryable yet; retry shortly"));
        } catch (RuntimeException e) {
            log.error("Failed to answer {}", exchange.getRequestURI(), e);
            respond(exchange, 500, new Problem("internal error"));
        } finally {
            exchange.close();
        }
    }

    private static <T> T get(HttpExchange exchange, Supplier<T> answer) {
        if (!"GET".equals(exchange.getRequestMethod())) {
            throw new HttpProblem(405, "only GET is supported");
        }
        return answer.get();
    }

    private HotAuctionsView hotAuctions(String query) {
        int limit = Optional.ofNullable(queryParameters(query).get("limit"))
                .map(AnalyticsHttpServer::parseLimit)
                .orElse(DEFAULT_LIMIT);
        Instant asOf = clock.instant();
        return new HotAuctionsView(asOf, AnalyticsTopology.HOT_WINDOW.toSeconds(), hotAuctions.top(asOf, limit));
    }

    private static int parseLimit(String value) {
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new HttpProblem(400, "limit must be a whole number from 1 to " + MAX_LIMIT + ": " + value);
    }

    private static Map<String, String> queryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        Map<String, String> parameters = new HashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] json = GreamJson.mapper().writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type",
                status < 400 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }

    /** @param windowSeconds how far back from {@code asOf} an accepted bid counts */
    record HotAuctionsView(Instant asOf, long windowSeconds, List<HotAuction> auctions) {
    }

    record ClosingPricesView(List<BrandAverage> brands) {
    }

    /** An RFC 9457 problem body, reduced to its detail. */
    record Problem(String detail) {
    }

    /** A request this server answers with a 4xx problem. */
    private static final class HttpProblem extends RuntimeException {
        private final int status;

        HttpProblem(int status, String detail) {
            super(detail);
            this.status = status;
        }
    }
}
