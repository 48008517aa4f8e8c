package io.gream.engine.query;

import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Asks another engine instance the same question, telling it which of its copies to read so a request is
 * forwarded at most once. The answer (status, body, {@code Retry-After}) is passed through as it is.
 */
final class EngineForwarder {

    /** Which copy the receiving instance must read: {@code active}, {@code standby} or {@code local}. */
    static final String READ_HEADER = "X-Gream-Read";
    static final String TOKEN_HEADER = "X-Gream-Internal-Token";

    private final HttpClient client;
    private final String internalToken;

    EngineForwarder(Duration connectTimeout, String internalToken) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        this.internalToken = internalToken;
    }

    /**
     * @return the other instance's answer, or empty when it could not be reached or did not answer in time
     */
    Optional<ResponseEntity<String>> get(HostInfo host, String pathAndQuery, String read, Duration timeout) {
        return getAsync(host, pathAndQuery, read, timeout).join();
    }

    /** As {@link #get}, without holding a thread while the other instance thinks (long polls). */
    CompletableFuture<Optional<ResponseEntity<String>>> getAsync(HostInfo host, String pathAndQuery, String read,
                                                                 Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery))
                .timeout(timeout)
                .header(READ_HEADER, read)
                .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
        request.header(TOKEN_HEADER, internalToken);
        return client.sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(EngineForwarder::passThrough)
                .exceptionally(unreachable -> Optional.empty());
    }

    private static Optional<ResponseEntity<String>> passThrough(HttpResponse<String> response) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.valueOf(response.statusCode()));
        response.headers().firstValue(HttpHeaders.CONTENT_TYPE).ifPresent(type ->
                answer.header(HttpHeaders.CONTENT_TYPE, type));
        response.headers().firstValue(HttpHeaders.RETRY_AFTER).ifPresent(retry ->
                answer.header(HttpHeaders.RETRY_AFTER, retry));
        return Optional.of(answer.body(response.body()));
    }
}
