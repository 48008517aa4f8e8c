package io.gream.notifier.testing;

import io.gream.contracts.GreamJson;
import io.gream.testing.Tokens;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Small real-HTTP client for the notifier's API. */
public final class Http {

    /** A response with its body parsed when it is JSON. */
    public record Response(int status, String body, HttpResponse<String> raw) {

        public JsonNode json() {
            return GreamJson.mapper().readTree(body);
        }

        public String code() {
            return json().path("code").asString();
        }

        public String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public String base() {
        return base;
    }

    public HttpClient client() {
        return client;
    }

    public Response get(String path, String user) {
        return send(request(path, user).GET().build());
    }

    public Response post(String path, String user, String json) {
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json);
        return send(request(path, user).header("Content-Type", "application/json").POST(body).build());
    }

    public Response delete(String path, String user) {
        return send(request(path, user).DELETE().build());
    }

    public HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        if (user != null) {
            builder.header("Authorization", "Bearer " + Tokens.valid(user));
        }
        return builder;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
