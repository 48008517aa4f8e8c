package io.gream.settlement.worker;

import io.gream.contracts.AuctionClosed;
import io.gream.contracts.CloseOutcome;
import io.gream.contracts.GreamJson;
import io.gream.contracts.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Dead letters are counted per source topic, listed, and replayed to their original topic by the operator endpoint;
 * replaying the same dead letter again sends nothing.
 */
class DeadLetterReplayIT extends WorkerTestSupport {

    @Test
    void aDeadLetterIsCountedListedAndReplayedOnceToItsOriginalTopic() throws Exception {
        ConfigurableApplicationContext worker = startWorker(reliableGateway(), null);
        String priceless = newAuctionId();
        publish(new AuctionClosed(priceless + ":3", priceless, 3, CLOSED_AT, null, "seller-1", null,
                CloseOutcome.SOLD, "buyer-1", null, 2));

        MeterRegistry meters = worker.getBean(MeterRegistry.class);
        await().atMost(TIMEOUT).until(() -> deadLetters(meters) == 1.0);
        JsonNode listed = await().atMost(TIMEOUT).until(() -> json(get(worker, "/actuator/deadletters")),
                rows -> rows.size() == 1);
        JsonNode row = listed.get(0);
        assertThat(row.path("sourceTopic").asString()).isEqualTo(Topics.AUCTION_EVENTS.name());
        assertThat(row.path("key").asString()).isEqualTo(priceless);
        assertThat(row.path("error").asString()).contains("lacks a winner, a positive price");
        assertThat(row.path("replayed").asBoolean()).isFalse();
        String where = "{\"partition\":%d,\"offset\":%d}".formatted(row.path("partition").asInt(),
                row.path("offset").asLong());

        HttpResponse<String> first = post(worker, "/actuator/deadletters", where);
        HttpResponse<String> second = post(worker, "/actuator/deadletters", where);

        assertThat(first.body()).contains("\"outcome\":\"replayed\"");
        assertThat(second.body()).contains("\"outcome\":\"skipped\"");
        try (TopicReader auctionEvents = new TopicReader(broker, Topics.AUCTION_EVENTS.name())) {
            List<ConsumerRecord<String, byte[]>> copies = auctionEvents.awaitKey(priceless, r -> r.size() >= 2);
            assertThat(copies).hasSize(2);
            assertThat(copies.get(1).value()).isEqualTo(copies.get(0).value());
            Header from = copies.get(1).headers().lastHeader("gream-replayed-from");
            assertThat(new String(from.value(), StandardCharsets.UTF_8))
                    .isEqualTo(Topics.DEAD_LETTERS.name() + "-" + row.path("partition").asInt() + "@"
                            + row.path("offset").asLong());
        }
        // The worker read the replayed copy; still unsettleable, it is a dead letter of its own, counted again.
        await().atMost(TIMEOUT).until(() -> deadLetters(meters) == 2.0);
        JsonNode after = json(get(worker, "/actuator/deadletters"));
        assertThat(after).hasSize(2);
        assertThat(after.get(0).path("replayed").asBoolean() || after.get(1).path("replayed").asBoolean()).isTrue();
        assertThat(settlementRows(priceless)).isZero();
        assertThat(get(worker, "/actuator/prometheus")).contains(
                "gream_dead_letters_total{application=\"settlement-worker\",source_topic=\"gream.auction-events\"}");
    }

    private static double deadLetters(MeterRegistry meters) {
        Counter counter = meters.find("gream.dead.letters").tag("source_topic", Topics.AUCTION_EVENTS.name())
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static JsonNode json(String body) {
        return GreamJson.mapper().readTree(body);
    }
}
