package io.gream.stack;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A user of Gream's public REST API, and nothing more: development tokens from {@code POST /api/dev/tokens}, then
 * the ingress endpoints and the notifier's inbox (same token), as a client on another machine would call them.
 */
final class GreamApi {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String notifierUrl;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, String> aliases = new ConcurrentHashMap<>();

    /** @param baseUrl the ingress; @param notifierUrl the notifier (its public API is on its own port locally) */
    GreamApi(String baseUrl, String notifierUrl) {
        this.baseUrl = baseUrl;
        this.notifierUrl = notifierUrl;
    }

    GreamApi(LocalStack stack) {
        this(stack.url("ingress-api"), stack.url("notifier"));
    }

    /** An answer: status and body as JSON (empty object when there is no body). */
    record Answer(int status, JsonNode body, String location) {

        String code() {
            // a problem+json answer has a code; an outcome read back after a 202 has the engine's reason
            return body.has("code") ? body.path("code").asString() : body.path("reason").asString();
        }
    }

    String token(String user) {
        return tokens.computeIfAbsent(user, u -> {
            Answer answer = send(HttpRequest.newBuilder(uri("/api/dev/tokens"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"" + u + "\"}")));
            if (answer.status() != 200) {
                throw new IllegalStateException("no dev token for " + u + ": " + answer);
            }
            return answer.body().path("token").asString();
        });
    }

    Answer open(String seller, String idempotencyKey, String json) {
        return post("/api/auctions", seller, idempotencyKey, json);
    }

    Answer bid(String bidder, String auctionId, String idempotencyKey, long amount) {
        return post("/api/auctions/" + auctionId + "/bids", bidder, idempotencyKey, "{\"amount\":" + amount + "}");
    }

    Answer auction(String auctionId) {
        return send(HttpRequest.newBuilder(uri("/api/auctions/" + auctionId)).GET());
    }

    /** The auction read with the user's token: its {@code you} is the user's alias in the auction. */
    Answer auctionAs(String user, String auctionId) {
        return send(HttpRequest.newBuilder(uri("/api/auctions/" + auctionId))
                .header("Authorization", "Bearer " + token(user)).GET());
    }

    /** How the public reads name the user in this auction (asked once: it does not change while the stack runs). */
    String aliasOf(String user, String auctionId) {
        return aliases.computeIfAbsent(user + "\0" + auctionId, key -> {
            Answer answer = auctionAs(user, auctionId);
            if (answer.status() != 200) {
                throw new IllegalStateException("no alias of " + user + " in " + auctionId + ": " + answer);
            }
            return answer.body().path("you").asString();
        });
    }

    /** The first page (newest first, up to 100) of the user's notification inbox. */
    Answer notifications(String user) {
        return send(HttpRequest.newBuilder(URI.create(notifierUrl + "/api/notifications?size=100"))
                .header("Authorization", "Bearer " + token(user)).GET());
    }

    /** Sends a command and waits up to 5 s for its decision; a {@code 202} is followed up at its Location. */
    private Answer post(String path, String user, String idempotencyKey, String json) {
        Answer answer = send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + token(user))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .header("Prefer", "wait=5")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        for (int i = 0; i < 5 && answer.status() == 202 && answer.location() != null; i++) {
            Answer outcome = send(HttpRequest.newBuilder(uri(answer.location()))
                    .header("Authorization", "Bearer " + token(user))
                    .header("Prefer", "wait=5").GET());
            if (outcome.status() != 202) {
                boolean accepted = outcome.body().path("accepted").asBoolean(
                        !outcome.body().path("type").asString().endsWith("Rejected"));
                return new Answer(accepted ? 201 : 409, outcome.body(), answer.location());
            }
        }
        return answer;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), body, response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }
}
