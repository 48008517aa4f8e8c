package io.gream.engine.query;

import io.gream.childjvm.Ports;
import io.gream.contracts.AuctionCommand;
import io.gream.contracts.Item;
import io.gream.contracts.OpenAuction;
import io.gream.contracts.PlaceBid;
import io.gream.engine.BidEngineApplication;
import io.gream.engine.EngineTestSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two engine instances with standby replicas over a real broker: every auction can be read through either
 * instance (a leader's maximum only by the leader, the bid history by anyone), outcomes are long-polled, the open
 * list gathers both instances, and when one instance stops the
 * other keeps answering (from the new active copy or a stale standby) without a {@code 500}.
 */
class AuctionQueryIT {

    private static final Duration TIMEOUT = EngineTestSupport.TIMEOUT;
    private static final Item VOUCHER = new Item("GS25", "Gift Card 10,000", 10_000, LocalDate.now().plusYears(1));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static EmbeddedKafkaKraftBroker broker;

    private final Path dataDir = Path.of("target", "it-state", UUID.randomUUID().toString()).toAbsolutePath();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<ConfigurableApplicationContext> engines = new ArrayList<>();
    private KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void startBroker() {
        broker = EngineTestSupport.startBroker();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @AfterEach
    void stopEngines() {
        engines.forEach(ConfigurableApplicationContext::close);
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    void answersForEveryAuctionThroughEitherInstanceAndSurvivesLosingOne() throws Exception {
        int portA = Ports.free();
        int portB = Ports.free();
        ConfigurableApplicationContext engineA = startEngine("a", portA);
        ConfigurableApplicationContext engineB = startEngine("b", portB);
        awaitBothRunningWithTheWorkShared(engineA, engineB);
        producer = EngineTestSupport.idempotentProducer(broker);

        List<String> auctions = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String auctionId = "q-" + i + "-" + UUID.randomUUID();
            auctions.add(auctionId);
            send(new OpenAuction("open", auctionId, "sally", VOUCHER, 1_000, 100, null, null,
                    Instant.now().plus(Duration.ofHours(1 + i)), 0));
            send(new PlaceBid("bid", auctionId, "bob", 1_000 + i * 100L));
        }

        for (String auctionId : auctions) {
            JsonNode outcome = awaitOutcome(portA, auctionId, "bid");
            assertThat(outcome.path("type").asString()).isEqualTo("BidAccepted");
            for (int port : List.of(portA, portB)) {
                HttpResponse<String> view = get(port, "/auctions/" + auctionId);
                assertThat(view.statusCode()).as("auction %s via %d", auctionId, port).isEqualTo(200);
                JsonNode auction = JSON.readTree(view.body());
                assertThat(auction.path("leaderId").asString()).isEqualTo("bob");
                assertThat(auction.path("status").asString()).isEqualTo("OPEN");
                assertThat(auction.path("stale").asBoolean()).isFalse();
            }
        }
        assertThat(get(portB, "/auctions/no-such-auction").statusCode()).isEqualTo(404);
        for (int port : List.of(portA, portB)) {
            HttpResponse<String> standby = get(port, "/auctions/no-such-auction", "standby");
            assertThat(standby.statusCode()).as("a standby copy's miss via %d", port).isEqualTo(503);
            assertThat(JSON.readTree(standby.body()).path("code").asString()).isEqualTo("ENGINE_UNAVAILABLE");
        }
        assertThat(get(portB, "/auctions/" + auctions.get(0) + "/commands/never-sent?waitMs=200").statusCode())
                .isEqualTo(202);

        JsonNode open = JSON.readTree(get(portB, "/auctions?status=OPEN&limit=100").body()).path("auctions");
        List<String> listed = new ArrayList<>();
        open.forEach(auction -> listed.add(auction.path("auctionId").asString()));
        assertThat(listed).containsSubsequence(auctions);

        String proxied = auctions.get(1);
        String alice = "alice@gream.test"; // a token's sub may be an e-mail address
        send(new PlaceBid("bid-alice", proxied, alice, 1_200, 9_000L));
        assertThat(awaitOutcome(portA, proxied, "bid-alice").path("type").asString()).isEqualTo("BidAccepted");
        for (int port : List.of(portA, portB)) {
            JsonNode asAlice = JSON.readTree(get(port, "/auctions/" + proxied + "?viewer=alice%40gream.test").body());
            assertThat(asAlice.path("yourMaxAmount").asLong()).as("the leader's own view via %d", port)
                    .isEqualTo(9_000);
            assertThat(get(port, "/auctions/" + proxied + "?viewer=bob").body()).as("someone else's view via %d", port)
                    .doesNotContain("9000");
            assertThat(get(port, "/auctions/" + proxied).body()).doesNotContain("9000");
            HttpResponse<String> bids = get(port, "/auctions/" + proxied + "/bids?limit=5");
            assertThat(bids.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(bids.body()).path("bids")).extracting(bid -> bid.path("bidderId").asString())
                    .containsExactly(alice, "bob");
            assertThat(bids.body()).doesNotContain("9000");
        }
        assertThat(get(portB, "/auctions/no-such-auction/bids").statusCode()).isEqualTo(404);

        engineA.close();
        engines.remove(engineA);
        List<Integer> statuses = new ArrayList<>();
        await().atMost(TIMEOUT).untilAsserted(() -> {
            for (String auctionId : auctions) {
                int status = get(portB, "/auctions/" + auctionId).statusCode();
                statuses.add(status);
                assertThat(status).isEqualTo(200);
            }
        });
        assertThat(statuses).as("every answer while instance A went away").allMatch(s -> s == 200 || s == 503);

        String late = auctions.get(0);
        send(new PlaceBid("bid-2", late, "carol", 5_000));
        assertThat(awaitOutcome(portB, late, "bid-2").path("type").asString()).isEqualTo("BidAccepted");
    }

    private JsonNode awaitOutcome(int port, String auctionId, String commandId) {
        return await().atMost(TIMEOUT).until(() -> {
            HttpResponse<String> answer = get(port, "/auctions/" + auctionId + "/commands/" + commandId
                    + "?waitMs=2000");
            return answer.statusCode() == 200 ? JSON.readTree(answer.body()) : null;
        }, outcome -> outcome != null);
    }

    private void awaitBothRunningWithTheWorkShared(ConfigurableApplicationContext... contexts) {
        await().atMost(TIMEOUT).until(() -> {
            for (ConfigurableApplicationContext context : contexts) {
                KafkaStreams streams = context.getBean(KafkaStreams.class);
                if (streams.state() != KafkaStreams.State.RUNNING || streams.metadataForLocalThreads().stream()
                        .allMatch(thread -> thread.activeTasks().isEmpty())) {
                    return false;
                }
            }
            return true;
        });
    }

    private ConfigurableApplicationContext startEngine(String name, int port) {
        ConfigurableApplicationContext context = EngineTestSupport.startEngine(BidEngineApplication.builder(), broker, dataDir.resolve(name), port);
        engines.add(context);
        return context;
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header(EngineForwarder.TOKEN_HEADER, EngineTestSupport.INTERNAL_TOKEN)
                        .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A read of one kind of copy, as one engine asks another when it forwards ({@code active} or {@code standby}). */
    private HttpResponse<String> get(int port, String path, String copy) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header(EngineForwarder.READ_HEADER, copy)
                        .header(EngineForwarder.TOKEN_HEADER, EngineTestSupport.INTERNAL_TOKEN).timeout(Duration.ofSeconds(15)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void send(AuctionCommand command) throws Exception {
        EngineTestSupport.send(producer, command);
    }
}
