package io.gream.ingress.auction;

import io.gream.contracts.AuctionClosed;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.AuctionExtended;
import io.gream.contracts.BidAccepted;
import io.gream.contracts.CloseOutcome;
import io.gream.contracts.GreamJson;
import io.gream.contracts.RejectionReason;
import io.gream.ingress.testing.Api;
import io.gream.ingress.testing.EventLog;
import io.gream.ingress.testing.EventStreamClient;
import io.gream.ingress.testing.SharedIngressContext;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.gream.ingress.auction.EngineOutcomes.DECIDED_AT;
import static io.gream.ingress.testing.Aliases.alias;
import static io.gream.ingress.auction.EngineOutcomes.VOUCHER;
import static io.gream.ingress.auction.EngineOutcomes.opened;
import static io.gream.ingress.auction.EngineOutcomes.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/auctions/{id}/events} end to end: events appended to the real {@code gream.auction-events}, read by
 * the ingress's one tail, and received over real HTTP connections.
 */
class AuctionEventStreamIT extends SharedIngressContext {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final EventLog log = EventLog.shared();

    @Autowired
    private MeterRegistry meters;


    @Test
    void sendsTheAuctionsSequencedEventsAsTheyAreDecidedAndNoRejections() {
        String auctionId = fresh("a");
        EventStreamClient.Stream stream = watch(auctionId, null);

        AuctionEvent opened = opened(auctionId, "c-open", "sally");
        AuctionEvent bid = bid(auctionId, 2, "bob", 3_000);
        log.append(opened, rejected(auctionId, "c-low", "carol", 10, RejectionReason.BID_TOO_LOW, 3_000L), bid);

        await().atMost(TIMEOUT).until(() -> stream.events().size() >= 2);
        assertThat(stream.events()).containsExactly(
                new EventStreamClient.Event("1", "AuctionOpened", shown(opened)),
                new EventStreamClient.Event("2", "BidAccepted", shown(bid)));
        assertThat(stream.ended()).isFalse();
        stream.cancel();
    }

    @Test
    void anyoneMayWatchWithoutATokenWhileCommandsStillNeedOne() {
        String auctionId = fresh("a");

        EventStreamClient.Stream stream = watch(auctionId, null);
        HttpResponse.ResponseInfo response = stream.response().orTimeout(30, TimeUnit.SECONDS).join();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(api.post("/api/auctions/" + auctionId + "/bids").header("Idempotency-Key", "k1")
                .json("{\"amount\":1000}").send().status()).isEqualTo(401);
        stream.cancel();
    }

    @Test
    void aBadLastEventIdIs400ProblemEvenToAnEventStreamClient() {
        Api.Response answer = api.get("/api/auctions/" + fresh("a") + "/events")
                .header("Accept", "text/event-stream").header("Last-Event-ID", "yesterday").send();

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
    }

    @Nested
    class Resuming {

        @Test
        void lastEventIdResumesAfterThatSeq() {
            String auctionId = fresh("a");
            List<AuctionEvent> events = List.of(opened(auctionId, "c-open", "sally"),
                    bid(auctionId, 2, "bob", 3_000), bid(auctionId, 3, "carol", 3_100),
                    bid(auctionId, 4, "bob", 3_200));
            EventStreamClient.Stream first = watch(auctionId, null);
            log.append(events.toArray(AuctionEvent[]::new));
            await().atMost(TIMEOUT).until(() -> first.events().size() == 4);
            first.cancel();

            EventStreamClient.Stream resumed = watch(auctionId, "2");

            await().atMost(TIMEOUT).until(() -> resumed.events().size() >= 2);
            assertThat(resumed.events()).extracting(EventStreamClient.Event::id).containsExactly("3", "4");
            assertThat(resumed.events().get(0).data()).isEqualTo(shown(events.get(2)));

            AuctionEvent next = bid(auctionId, 5, "carol", 3_300);
            log.append(next);
            await().atMost(TIMEOUT).until(() -> resumed.events().size() == 3);
            assertThat(resumed.events().get(2)).isEqualTo(new EventStreamClient.Event("5", "BidAccepted",
                    shown(next)));
            resumed.cancel();
        }

        @Test
        void resumingFromFurtherBackThanTheBufferGetsAResetThenTheNewEvents() {
            String auctionId = fresh("a");
            EventStreamClient.Stream first = watch(auctionId, null);
            log.append(opened(auctionId, "c-open", "sally"));
            // one more than the 50 events kept per auction
            log.append(IntStream.rangeClosed(2, 52).mapToObj(seq -> bid(auctionId, seq, "u" + seq, 1_000L * seq))
                    .toArray(AuctionEvent[]::new));
            await().atMost(TIMEOUT).until(() -> first.events().size() == 52);
            first.cancel();

            EventStreamClient.Stream resumed = watch(auctionId, "1");
            await().atMost(TIMEOUT).until(() -> !resumed.events().isEmpty());
            log.append(bid(auctionId, 53, "bob", 500_000));

            await().atMost(TIMEOUT).until(() -> resumed.events().size() == 2);
            assertThat(resumed.events().get(0).event()).isEqualTo("reset");
            assertThat(resumed.events().get(0).id()).isNull();
            assertThat(resumed.events().get(1).id()).isEqualTo("53");
            resumed.cancel();
        }

        @Test
        void resumingAnAuctionThisReplicaHasSeenNothingOfGetsAReset() {
            EventStreamClient.Stream resumed = watch(fresh("a"), "7");

            await().atMost(TIMEOUT).until(() -> !resumed.events().isEmpty());
            assertThat(resumed.events()).singleElement()
                    .satisfies(event -> assertThat(event.event()).isEqualTo("reset"));
            resumed.cancel();
        }
    }

    @Nested
    class Ending {

        @Test
        void theStreamEndsAfterTheAuctionClosed() {
            String auctionId = fresh("a");
            EventStreamClient.Stream stream = watch(auctionId, null);
            AuctionEvent closed = closed(auctionId, 4);

            log.append(opened(auctionId, "c-open", "sally"), bid(auctionId, 2, "bob", 3_000),
                    extended(auctionId, 3), closed);

            await().atMost(TIMEOUT).until(stream::ended);
            assertThat(stream.events()).extracting(EventStreamClient.Event::event).containsExactly(
                    "AuctionOpened", "BidAccepted", "AuctionExtended", "AuctionClosed");
            assertThat(stream.events().get(3).data()).isEqualTo(shown(closed));
        }

        @Test
        void aWatcherArrivingAfterTheCloseGetsTheFinalEventAndTheStreamEnds() {
            String auctionId = fresh("a");
            EventStreamClient.Stream first = watch(auctionId, null);
            log.append(opened(auctionId, "c-open", "sally"), closed(auctionId, 2));
            await().atMost(TIMEOUT).until(first::ended);

            EventStreamClient.Stream late = watch(auctionId, null);
            EventStreamClient.Stream resumedAtTheEnd = watch(auctionId, "2");

            await().atMost(TIMEOUT).until(() -> late.ended() && resumedAtTheEnd.ended());
            assertThat(late.events()).extracting(EventStreamClient.Event::id).containsExactly("2");
            assertThat(resumedAtTheEnd.events()).isEmpty();
        }
    }

    @Test
    void fiveHundredWatchersOfOneAuctionAreFedByTheOneTail() {
        String auctionId = fresh("a");
        List<EventStreamClient.Stream> watchers = IntStream.range(0, 500)
                .mapToObj(i -> streams.open("/api/auctions/" + auctionId + "/events", null)).toList();
        await().atMost(TIMEOUT).until(() -> watchers.stream().allMatch(w -> w.response().isDone()));
        await().atMost(TIMEOUT).until(() -> meters.get("gream.ingress.live.streams").gauge().value() >= 500);

        log.append(opened(auctionId, "c-open", "sally"), bid(auctionId, 2, "bob", 3_000), closed(auctionId, 3));

        await().atMost(TIMEOUT).until(() -> watchers.stream().allMatch(EventStreamClient.Stream::ended));
        assertThat(watchers).allSatisfy(w -> assertThat(w.events()).extracting(EventStreamClient.Event::id)
                .containsExactly("1", "2", "3"));
        // the ingress's only Kafka consumer is its tail
        assertThat(meters.getMeters().stream().map(Meter::getId)
                .filter(id -> id.getName().startsWith("kafka.consumer."))
                .map(id -> id.getTag("client.id")).filter(Objects::nonNull).distinct()).hasSize(1);
    }

    /** The event as the stream shows it: as on the topic, with users by their alias and no {@code commandId}. */
    private static String shown(AuctionEvent event) {
        ObjectNode node = (ObjectNode) GreamJson.mapper().readTree(json(event));
        node.remove("commandId");
        for (String field : List.of("sellerId", "bidderId", "previousLeaderId", "winnerId")) {
            if (node.has(field)) {
                node.put(field, alias(event.auctionId(), node.path(field).asString()));
            }
        }
        return GreamJson.mapper().writeValueAsString(node);
    }

    /** Opens a stream and waits for its headers: the ingress has registered the watcher by then. */
    private EventStreamClient.Stream watch(String auctionId, String lastEventId) {
        EventStreamClient.Stream stream = streams.open("/api/auctions/" + auctionId + "/events", lastEventId);
        stream.response().orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        return stream;
    }

    private static BidAccepted bid(String auctionId, long seq, String bidderId, long amount) {
        return new BidAccepted(auctionId + ":" + seq, auctionId, seq, DECIDED_AT.plusSeconds(seq), "c-" + seq,
                bidderId, amount, null, null, seq - 1, amount + 100);
    }

    private static AuctionExtended extended(String auctionId, long seq) {
        return new AuctionExtended(auctionId + ":" + seq, auctionId, seq, DECIDED_AT.plusSeconds(seq), "c-" + seq,
                DECIDED_AT.plusSeconds(60), DECIDED_AT.plusSeconds(120));
    }

    private static AuctionClosed closed(String auctionId, long seq) {
        return new AuctionClosed(auctionId + ":" + seq, auctionId, seq, DECIDED_AT.plusSeconds(600), null, "sally",
                VOUCHER, CloseOutcome.SOLD, "bob", 3_000L, seq - 2);
    }
}
