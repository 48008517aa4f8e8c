package io.gream.notifier.recording;

import io.gream.contracts.AuctionEvent;
import io.gream.contracts.CloseOutcome;
import io.gream.contracts.Topics;
import io.gream.notifier.testing.Events;
import io.gream.notifier.testing.Receiver;
import io.gream.notifier.testing.RunningNotifier;
import io.gream.notifier.webhook.WebhookSignatureVerifier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The Kafka path on a real broker: events published as the engine and the settlement-worker publish them, each
 * many times over, become exactly one inbox entry and one webhook delivery per recipient.
 */
class RedeliveryIT extends RunningNotifier {

    private static Receiver receiver;

    @BeforeAll
    static void startWithLocalReceivers() throws Exception {
        receiver = Receiver.answering();
        start("--spring.profiles.active=local"); // webhooks may call this machine
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void eachEventRedeliveredTenTimesGivesOneInboxEntryAndOneWebhookDeliveryPerRecipient() {
        Map<String, String> secrets = new HashMap<>();
        for (String user : List.of("rd-alice", "rd-bob", "rd-sam")) {
            var registered = http.post("/api/webhooks", user, "{\"url\":\"" + receiver.url() + "\"}");
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            secrets.put(user, registered.json().path("secret").asString());
        }
        List<AuctionEvent> auction = List.of(
                Events.bid("rd-1", 2, "rd-alice", 1_000, null, null),
                Events.bid("rd-1", 3, "rd-bob", 1_100, "rd-alice", 1_000L),
                Events.sold("rd-1", 4, "rd-sam", "rd-bob", 1_100));
        for (int i = 0; i < 10; i++) {
            auction.forEach(RunningNotifier::publish);
            publish(Events.settled("rd-1", "rd-sam", "rd-bob", 1_100));
            publish(Events.unsold("rd-2", 1, "rd-sam", CloseOutcome.NO_BIDS));
            publish(Events.paymentFailed("rd-3", "rd-sam", "rd-alice", 2_000));
        }
        awaitAllConsumed();

        assertThat(jdbc.query("SELECT recipient_id, type FROM notification WHERE auction_id IN ('rd-2', 'rd-3') ORDER BY id",
                (rs, i) -> tuple(rs.getString(1), rs.getString(2))))
                .containsExactlyInAnyOrder(tuple("rd-sam", "NOT_SOLD"), tuple("rd-alice", "PAYMENT_FAILED"),
                        tuple("rd-sam", "PAYMENT_FAILED"));

        assertThat(jdbc.query("SELECT recipient_id, type FROM notification WHERE auction_id = 'rd-1' ORDER BY id",
                (rs, i) -> tuple(rs.getString(1), rs.getString(2))))
                .containsExactlyInAnyOrder(tuple("rd-alice", "OUTBID"), tuple("rd-bob", "WON"),
                        tuple("rd-sam", "SOLD"), tuple("rd-bob", "SETTLED"), tuple("rd-sam", "SETTLED"));
        assertThat(count("SELECT COUNT(*) FROM webhook_delivery")).isEqualTo(8);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("SELECT COUNT(*) FROM webhook_delivery WHERE status = 'DELIVERED'") == 8);
        assertThat(receiver.deliveries()).hasSize(8);
        assertThat(receiver.deliveries()).extracting(d -> d.header("Gream-Event-Id") + " "
                        + io.gream.contracts.GreamJson.mapper().readTree(d.body()).path("recipientId").asString())
                .doesNotHaveDuplicates();
        assertThat(receiver.deliveries()).allSatisfy(d -> {
            JsonNode body = io.gream.contracts.GreamJson.mapper().readTree(d.body());
            String recipient = body.path("recipientId").asString();
            var verifier = new WebhookSignatureVerifier(secrets.get(recipient));
            assertThat(verifier.verify(d.header("Gream-Signature"), d.body()))
                    .isEqualTo(WebhookSignatureVerifier.Result.VALID);
            assertThat(d.header("Gream-Event-Id")).isEqualTo(body.path("eventId").asString());
        });
        var inbox = http.get("/api/notifications", "rd-bob").json().path("notifications");
        assertThat(StreamSupport.stream(inbox.spliterator(), false).map(n -> n.path("type").asString()))
                .containsExactly("SETTLED", "WON");
    }

    @Test
    void threeBiddersOutbiddingEachOtherNotifyTheRightPreviousLeaders() {
        publish(Events.bid("ob-1", 2, "ob-alice", 1_000, null, null));
        publish(Events.bid("ob-1", 3, "ob-bob", 1_100, "ob-alice", 1_000L));
        publish(Events.bid("ob-1", 4, "ob-carol", 1_200, "ob-bob", 1_100L));
        publish(Events.bid("ob-1", 5, "ob-alice", 1_300, "ob-carol", 1_200L));
        publish(Events.bid("ob-1", 6, "ob-bob", 1_400, "ob-alice", 1_300L));
        awaitAllConsumed();

        assertThat(outbids("ob-alice")).containsExactly(1_400L, 1_100L);
        assertThat(outbids("ob-bob")).containsExactly(1_200L);
        assertThat(outbids("ob-carol")).containsExactly(1_300L);
    }

    @Test
    void unreadableRecordGoesToDeadLettersAndTheConsumerGoesOn() {
        byte[] poison = "{\"type\":\"BidAccepted\",\"amount\":\"lots\"".getBytes(StandardCharsets.UTF_8);
        send(Topics.AUCTION_EVENTS.name(), "dl-1", poison);
        publish(Events.bid("dl-1", 3, "dl-bob", 1_100, "dl-alice", 1_000L));
        awaitAllConsumed();

        assertThat(outbids("dl-alice")).containsExactly(1_100L);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", broker.getBrokersAsString(), "group.id", "dl-reader",
                "auto.offset.reset", "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.DEAD_LETTERS.name()));
            List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(dead::add);
                return !dead.isEmpty();
            });
            assertThat(dead).singleElement().satisfies(r -> {
                assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("dl-1");
                assertThat(r.value()).isEqualTo(poison);
                assertThat(r.headers().lastHeader("kafka_dlt-original-topic").value())
                        .isEqualTo(Topics.AUCTION_EVENTS.name().getBytes(StandardCharsets.UTF_8));
            });
        }
    }

    private static List<Long> outbids(String user) {
        var response = http.get("/api/notifications", user);
        assertThat(response.status()).isEqualTo(200);
        return StreamSupport.stream(response.json().path("notifications").spliterator(), false)
                .filter(n -> n.path("type").asString().equals("OUTBID"))
                .map(n -> n.path("amount").asLong())
                .toList();
    }
}
