package io.gream.notifier.stream;

import io.gream.contracts.GreamJson;
import io.gream.notifier.NotifierApplication;
import io.gream.notifier.testing.Events;
import io.gream.notifier.testing.Http;
import io.gream.testing.Tokens;
import io.gream.notifier.testing.RunningNotifier;
import io.gream.notifier.testing.SseClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The SSE stream over real HTTP: live notifications, and nothing missed across a reconnect with Last-Event-ID. */
class NotificationStreamIT extends RunningNotifier {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @BeforeAll
    static void startNotifier() {
        start();
    }

    @Test
    void reconnectingWithLastEventIdDeliversEverythingMissedAndNothingTwice() throws Exception {
        String user = "sse-dave";
        long firstId;
        try (SseClient stream = SseClient.open(http.client(), http.request("/api/notifications/stream", user))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");

            publish(Events.bid("sse-1", 3, "sse-erin", 1_100, user, 1_000L));

            await().atMost(WITHIN).until(() -> stream.events().size() == 1);
            SseClient.Event first = stream.events().get(0);
            assertThat(first.name()).isEqualTo("OUTBID");
            assertThat(GreamJson.mapper().readTree(first.data()).path("amount").asLong()).isEqualTo(1_100);
            firstId = Long.parseLong(first.id());
        }

        // while the client is away
        publish(Events.bid("sse-1", 5, "sse-erin", 1_300, user, 1_200L));
        publish(Events.sold("sse-2", 9, user, "sse-frank", 5_000));
        awaitAllConsumed();

        try (SseClient resumed = SseClient.open(http.client(), http.request("/api/notifications/stream", user)
                .header("Last-Event-ID", Long.toString(firstId)))) {
            await().atMost(WITHIN).until(() -> resumed.events().size() == 2);
            publish(Events.bid("sse-3", 4, "sse-erin", 2_000, user, 1_900L)); // and live after the backlog
            await().atMost(WITHIN).until(() -> resumed.events().size() == 3);

            List<SseClient.Event> events = resumed.events();
            assertThat(events).extracting(SseClient.Event::name).containsExactly("OUTBID", "SOLD", "OUTBID");
            assertThat(events).extracting(e -> Long.parseLong(e.id())).allMatch(id -> id > firstId)
                    .isSorted().doesNotHaveDuplicates();
            assertThat(GreamJson.mapper().readTree(events.get(0).data()).path("amount").asLong()).isEqualTo(1_300);
        }
    }

    @Test
    void aNewStreamWithoutLastEventIdStartsAtNowAndSeesOnlyItsOwnUser() throws Exception {
        String user = "sse-gina";
        publish(Events.bid("sse-4", 3, "sse-hal", 1_100, user, 1_000L));
        awaitAllConsumed();

        try (SseClient stream = SseClient.open(http.client(), http.request("/api/notifications/stream", user))) {
            publish(Events.bid("sse-5", 3, user, 1_100, "sse-someone-else", 1_000L)); // not for gina
            publish(Events.bid("sse-4", 5, "sse-hal", 1_300, user, 1_200L));

            await().atMost(WITHIN).until(() -> !stream.events().isEmpty());
            awaitAllConsumed();
            assertThat(stream.events()).singleElement()
                    .satisfies(e -> assertThat(e.data()).contains("\"amount\":1300", "\"recipientId\":\"" + user));
        }
    }

    @Test
    void aStreamOnAReplicaThatConsumesNothingGetsWhatAnotherReplicaRecorded() throws Exception {
        // replica B shares the database but cannot reach Kafka: all it streams was recorded by replica A
        try (ConfigurableApplicationContext replicaB = NotifierApplication.builder().run(concat(new String[]{
                "--server.port=0", "--spring.main.banner-mode=off",
                "--spring.kafka.bootstrap-servers=127.0.0.1:1",
                "--gream.auth.jwks.file=" + Tokens.jwksFile(),
                "--gream.notifier.stream.poll-interval=100ms"}, database.springArgs()))) {
            Http b = new Http(((WebServerApplicationContext) replicaB).getWebServer().getPort());
            String user = "sse-ivan";
            try (SseClient stream = SseClient.open(b.client(), b.request("/api/notifications/stream", user))) {
                publish(Events.sold("sse-6", 4, "sse-seller", user, 7_000));

                await().atMost(WITHIN).until(() -> !stream.events().isEmpty());
                assertThat(stream.events()).singleElement().satisfies(e -> {
                    assertThat(e.name()).isEqualTo("WON");
                    assertThat(e.data()).contains("\"amount\":7000");
                });
            }
        }
    }

    private static String[] concat(String[] a, String[] b) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b))
                .toArray(String[]::new);
    }

    @Test
    void streamNeedsAToken() throws Exception {
        try (SseClient stream = SseClient.open(http.client(), http.request("/api/notifications/stream", null))) {
            assertThat(stream.status()).isEqualTo(401);
        }
    }
}
