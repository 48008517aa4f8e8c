package io.gream.ingress.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;

/**
 * Opens server-sent event streams on the ingress under test (a real HTTP connection each, JDK HttpClient) and
 * parses what arrives into {@link Event}s, so tests can wait for events and for the server to end a stream.
 */
public final class EventStreamClient {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public EventStreamClient(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    /** Opens {@code path}; {@code lastEventId} is sent as {@code Last-Event-ID} when not null. */
    public Stream open(String path, String lastEventId, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET()
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        Stream stream = new Stream();
        stream.request = client.sendAsync(request.build(), info -> {
            stream.response.complete(info);
            return HttpResponse.BodySubscribers.fromLineSubscriber(stream);
        });
        return stream;
    }

    /** One event as received; {@code id} and {@code event} are null when the server sent none. */
    public record Event(String id, String event, String data) {
    }

    /** One open stream: what arrived so far, and whether the server ended it. */
    public static final class Stream implements Flow.Subscriber<String> {

        private final List<Event> events = new CopyOnWriteArrayList<>();
        private final List<String> comments = new CopyOnWriteArrayList<>();
        private final CompletableFuture<Void> ended = new CompletableFuture<>();
        private final CompletableFuture<HttpResponse.ResponseInfo> response = new CompletableFuture<>();
        private volatile CompletableFuture<HttpResponse<Void>> request;
        private Flow.Subscription subscription;
        private String id;
        private String event;
        private final List<String> data = new ArrayList<>();

        public List<Event> events() {
            return List.copyOf(events);
        }

        public List<String> comments() {
            return List.copyOf(comments);
        }

        /** Whether the server completed the response (or the connection ended). */
        public boolean ended() {
            return ended.isDone();
        }

        /** The response's status and headers, once they arrived. */
        public CompletableFuture<HttpResponse.ResponseInfo> response() {
            return response;
        }

        public void cancel() {
            if (subscription != null) {
                subscription.cancel();
            }
            request.cancel(true);
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.isEmpty()) {
                if (!data.isEmpty() || event != null || id != null) {
                    events.add(new Event(id, event, String.join("\n", data)));
                }
                id = null;
                event = null;
                data.clear();
            } else if (line.startsWith(":")) {
                comments.add(line.substring(1).trim());
            } else {
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                switch (field) {
                    case "id" -> id = value;
                    case "event" -> event = value;
                    case "data" -> data.add(value);
                    default -> { }
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            ended.complete(null);
        }

        @Override
        public void onComplete() {
            ended.complete(null);
        }
    }
}
