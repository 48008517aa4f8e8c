package io.gream.notifier.webhook;

import io.gream.contracts.GreamJson;
import io.gream.notifier.testing.Events;
import io.gream.notifier.testing.Receiver;
import io.gream.notifier.testing.RunningNotifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhook deliveries to real JDK HTTP receivers: a receiver that never answers ties up only its own endpoint's
 * lane, so another receiver's deliveries arrive within a bound well below the hanging one's request timeout.
 */
class WebhookDeliveryIT extends RunningNotifier {

    /** Each attempt at the hanging receiver blocks its lane this long. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(6);
    /**
     * What the answering receiver's deliveries may take, from publishing the events to receipt (consumer, outbox
     * poll, HTTP), while the other one hangs: well below one hanging attempt, so no delivery waited behind one.
     */
    private static final Duration BOUND = Duration.ofMillis(3_000);

    private static Receiver hanging;
    private static Receiver answering;

    @BeforeAll
    static void startWithLocalReceivers() throws Exception {
        hanging = Receiver.hanging();
        answering = Receiver.answering();
        start("--spring.profiles.active=local",
                "--gream.notifier.webhooks.request-timeout=" + REQUEST_TIMEOUT.toMillis() + "ms",
                "--gream.notifier.webhooks.concurrency-per-endpoint=1",
                "--gream.notifier.webhooks.idle-lane-eviction=1s");
    }

    @AfterAll
    static void stopReceivers() {
        hanging.close();
        answering.close();
    }

    @Test
    void aHangingReceiverDoesNotDelayAnotherReceiversDeliveries() {
        String secret = register("wh-henry", hanging.url());
        register("wh-ann", answering.url());
        // the hanging receiver gets its first delivery and stops answering
        publish(Events.bid("wh-1", 3, "wh-x", 1_100, "wh-henry", 1_000L));
        await().atMost(Duration.ofSeconds(20)).until(() -> hanging.deliveries().size() == 1);

        long publishedAt = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            publish(Events.bid("wh-2", 3 + 2 * i, "wh-y", 1_100 + 200L * i, "wh-henry", 1_000L + 200 * i));
            publish(Events.bid("wh-3", 3 + 2 * i, "wh-y", 1_100 + 200L * i, "wh-ann", 1_000L + 200 * i));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> answering.deliveries().size() == 5);
        long slowest = answering.deliveries().stream().mapToLong(d -> d.receivedAtNanos() - publishedAt).max()
                .orElseThrow();
        org.slf4j.LoggerFactory.getLogger(WebhookDeliveryIT.class).info(
                "Answering receiver's slowest delivery while the other hangs: {} ms", slowest / 1_000_000);
        assertThat(Duration.ofNanos(slowest)).isLessThan(BOUND);
        assertThat(hanging.deliveries()).isNotEmpty(); // it is being called, and never answers
        assertThat(count("SELECT COUNT(*) FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id"
                + " WHERE w.owner_id = 'wh-henry' AND d.status = 'DELIVERED'")).isZero();
        assertThat(new WebhookSignatureVerifier(secret).verify(hanging.deliveries().get(0).header("Gream-Signature"),
                hanging.deliveries().get(0).body())).isEqualTo(WebhookSignatureVerifier.Result.VALID);
    }

    @Test
    void aFailedAttemptIsRetriedWithBackoffUntilDelivered() throws Exception {
        try (Receiver flaky = Receiver.failingFirst(2)) {
            String webhookId = registerForId("wh-otto", flaky.url());
            publish(Events.sold("wh-4", 6, "wh-otto", "wh-zed", 3_000));

            await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT COUNT(*) FROM webhook_delivery d"
                    + " JOIN webhook w ON w.id = d.webhook_id WHERE w.owner_id = 'wh-otto'"
                    + " AND d.status = 'DELIVERED'") == 1);
            assertThat(flaky.deliveries()).hasSize(3);
            // 1 s then 2 s (each +-20%) between the attempts
            long firstGap = flaky.deliveries().get(1).receivedAtNanos() - flaky.deliveries().get(0).receivedAtNanos();
            long secondGap = flaky.deliveries().get(2).receivedAtNanos() - flaky.deliveries().get(1).receivedAtNanos();
            assertThat(Duration.ofNanos(firstGap)).isGreaterThanOrEqualTo(Duration.ofMillis(800));
            assertThat(Duration.ofNanos(secondGap)).isGreaterThanOrEqualTo(Duration.ofMillis(1_600));
            assertThat(flaky.deliveries()).extracting(d -> d.header("Gream-Event-Id")).containsOnly("wh-4:6");
            assertThat(jdbc.queryForObject("SELECT d.attempts FROM webhook_delivery d JOIN webhook w"
                    + " ON w.id = d.webhook_id WHERE w.owner_id = 'wh-otto'", Integer.class)).isEqualTo(3);
            assertThat(GreamJson.mapper().readTree(flaky.deliveries().get(2).body()).path("type").asString())
                    .isEqualTo("SOLD");
            // with nothing left to deliver, the endpoint's lane gives its threads back
            WebhookDispatcher dispatcher = app.getBean(WebhookDispatcher.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> !dispatcher.hasLane(webhookId));
        }
    }

    @Test
    void aRotatedSecretSignsBesideTheNewOneForItsGracePeriodOnly() throws Exception {
        try (Receiver receiver = Receiver.answering()) {
            var registered = http.post("/api/webhooks", "wh-rita", "{\"url\":\"" + receiver.url() + "\"}");
            String webhookId = registered.json().path("id").asString();
            String first = registered.json().path("secret").asString();

            var rotated = http.post("/api/webhooks/" + webhookId + "/rotate-secret", "wh-rita",
                    "{\"gracePeriodSeconds\":3600}");
            assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
            String second = rotated.json().path("secret").asString();
            assertThat(second).startsWith("whsec_").isNotEqualTo(first);
            assertThat(rotated.json().path("previousSecretExpiresAt").asString()).isNotEmpty();
            publish(Events.sold("wh-5", 6, "wh-rita", "wh-zed", 3_000));
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.deliveries().size() == 1);

            // a receiver still on the first secret and one already on the second both accept it
            Receiver.Delivery during = receiver.deliveries().get(0);
            assertThat(during.header("Gream-Signature")).matches("t=\\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
            assertThat(new WebhookSignatureVerifier(first).verify(during.header("Gream-Signature"), during.body()))
                    .isEqualTo(WebhookSignatureVerifier.Result.VALID);
            assertThat(new WebhookSignatureVerifier(second).verify(during.header("Gream-Signature"), during.body()))
                    .isEqualTo(WebhookSignatureVerifier.Result.VALID);

            var again = http.post("/api/webhooks/" + webhookId + "/rotate-secret", "wh-rita",
                    "{\"gracePeriodSeconds\":0}");
            String third = again.json().path("secret").asString();
            publish(Events.sold("wh-6", 6, "wh-rita", "wh-zed", 3_000));
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.deliveries().size() == 2);

            // without a grace period only the newest secret signs
            Receiver.Delivery after = receiver.deliveries().get(1);
            assertThat(new WebhookSignatureVerifier(third).verify(after.header("Gream-Signature"), after.body()))
                    .isEqualTo(WebhookSignatureVerifier.Result.VALID);
            assertThat(new WebhookSignatureVerifier(second).verify(after.header("Gream-Signature"), after.body()))
                    .isEqualTo(WebhookSignatureVerifier.Result.BAD_SIGNATURE);
        }
    }

    @Test
    void aRotationWithABadGracePeriodIs400AndKeepsTheSecret() throws Exception {
        try (Receiver receiver = Receiver.answering()) {
            var registered = http.post("/api/webhooks", "wh-vic", "{\"url\":\"" + receiver.url() + "\"}");
            String webhookId = registered.json().path("id").asString();
            String secret = registered.json().path("secret").asString();

            for (String body : new String[]{"{\"gracePeriodSeconds\":-1}", "{\"gracePeriodSeconds\":999999999}",
                    "{\"gracePeriodSeconds\":\"1h\"}", "{\"grace\":60}"}) {
                var refused = http.post("/api/webhooks/" + webhookId + "/rotate-secret", "wh-vic", body);
                assertThat(refused.status()).as(body).isEqualTo(400);
                assertThat(refused.contentType()).startsWith("application/problem+json");
            }
            publish(Events.sold("wh-7", 6, "wh-vic", "wh-zed", 3_000));
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.deliveries().size() == 1);

            Receiver.Delivery delivery = receiver.deliveries().get(0);
            assertThat(delivery.header("Gream-Signature")).matches("t=\\d+,v1=[0-9a-f]{64}");
            assertThat(new WebhookSignatureVerifier(secret).verify(delivery.header("Gream-Signature"),
                    delivery.body())).isEqualTo(WebhookSignatureVerifier.Result.VALID);
        }
    }

    private static String registerForId(String user, String url) {
        var response = http.post("/api/webhooks", user, "{\"url\":\"" + url + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("id").asString();
    }

    private static String register(String user, String url) {
        var response = http.post("/api/webhooks", user, "{\"url\":\"" + url + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("secret").asString();
    }
}
