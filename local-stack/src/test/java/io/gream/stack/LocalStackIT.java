package io.gream.stack;

import io.gream.childjvm.Ports;
import io.gream.stack.GreamApi.Answer;
import io.gream.stack.service.GreamServices;
import io.gream.stack.service.ServiceDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README walk-through and a burst of random bidding against the whole local stack (real Kafka node, engine,
 * ingress, settlement-worker, notifier, all in this JVM as {@code ./gream-local} starts them), driven only through
 * the public REST API: the ingress, and the notifier's inbox as the users' view of outbids, the close and the
 * settlement.
 */
class LocalStackIT {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);
    /** From the close to the last notification: a simulated charge, a ledger write, two events recorded. */
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);

    private static LocalStack stack;
    private static GreamApi api;

    @BeforeAll
    static void startStack() throws Exception {
        stack = LocalStack.start(testSettings(Path.of("target", "it-data", UUID.randomUUID().toString())));
        api = new GreamApi(stack);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    /**
     * Free ports, 3 partitions (fewer RocksDB stores to open than the default 12, same code paths), and a rate limit
     * high enough for the random-bid burst.
     */
    static StackSettings testSettings(Path dataDir) throws IOException {
        return testSettings(dataDir, GreamServices.ALL);
    }

    /** As {@link #testSettings(Path)}, with only some of the services (a test that needs fewer starts faster). */
    static StackSettings testSettings(Path dataDir, List<ServiceDefinition> services) throws IOException {
        int[] ports = Ports.free(2 + services.size());
        List<String> args = new ArrayList<>(List.of("--data-dir=" + dataDir.toAbsolutePath(),
                "--kafka-port=" + ports[0], "--controller-port=" + ports[1], "--partitions=3"));
        for (int i = 0; i < services.size(); i++) {
            args.add("--" + services.get(i).portKey() + "-port=" + ports[2 + i]);
        }
        return StackSettings.parse(args.toArray(String[]::new), Map.of(), services)
                .withOverrides(Map.of(GreamServices.INGRESS_API.name(),
                        Map.of("gream.ingress.rate-limit.requests-per-period", "1000")));
    }

    @Test
    void openBidOutbidLowBidRetryReadPriceCloseAndSettleAsTheWalkThroughShows() {
        String auctionId = "walk-" + UUID.randomUUID().toString().substring(0, 8);
        Instant endsAt = Instant.now().plusSeconds(8);

        Answer opened = api.open("sally", "open-" + auctionId, auctionJson(auctionId, 3000, 100, 3500L, endsAt));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(opened.location()).isEqualTo("/api/auctions/" + auctionId);

        Answer first = api.bid("bob", auctionId, "bob-1", 3000);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.body().path("type").asString()).isEqualTo("BidAccepted");

        Answer outbid = api.bid("carol", auctionId, "carol-1", 3200);
        assertThat(outbid.status()).as(outbid.toString()).isEqualTo(201);
        assertThat(outbid.body().path("bidderId").asString()).as("the sender, by their id").isEqualTo("carol");
        assertThat(outbid.body().path("previousLeaderId").asString()).as("another user, by their alias")
                .isEqualTo(api.aliasOf("bob", auctionId));

        Answer tooLow = api.bid("bob", auctionId, "bob-2", 3250);
        assertThat(tooLow.status()).isEqualTo(409);
        assertThat(tooLow.code()).isEqualTo("BID_TOO_LOW");
        assertThat(tooLow.body().path("minNextBid").asLong()).isEqualTo(3300);

        Answer retried = api.bid("carol", auctionId, "carol-1", 3200);
        assertThat(retried.status()).as("same Idempotency-Key, same answer").isEqualTo(201);
        assertThat(retried.body()).isEqualTo(outbid.body());

        JsonNode price = api.auction(auctionId).body();
        assertThat(price.path("status").asString()).isEqualTo("OPEN");
        assertThat(price.path("currentPrice").asLong()).isEqualTo(3200);
        assertThat(price.path("leaderId").asString()).as("carol, by her alias")
                .isEqualTo(api.aliasOf("carol", auctionId)).doesNotContain("carol");
        assertThat(price.path("minNextBid").asLong()).isEqualTo(3300);
        assertThat(price.path("bidCount").asLong()).as("the retry placed nothing").isEqualTo(2);

        Answer winning = api.bid("bob", auctionId, "bob-3", 3600);
        assertThat(winning.status()).as(winning.toString()).isEqualTo(201);

        JsonNode closed = await().atMost(CLOSE_TIMEOUT).until(() -> api.auction(auctionId).body(),
                auction -> auction.path("status").asString().equals("CLOSED"));
        assertThat(closed.path("outcome").asString()).isEqualTo("SOLD");
        assertThat(closed.path("winnerId").asString()).isEqualTo(api.aliasOf("bob", auctionId));
        assertThat(closed.path("price").asLong()).isEqualTo(3600);

        Answer late = api.bid("carol", auctionId, "carol-2", 5000);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("AUCTION_CLOSED");

        // The settlement-worker charged bob and the notifier told everyone: the users' public view of it.
        List<JsonNode> bobs = await().atMost(SETTLE_TIMEOUT).until(() -> inbox("bob", auctionId),
                inbox -> types(inbox).containsAll(List.of("OUTBID", "WON", "SETTLED")));
        assertThat(types(bobs)).as("once each, however often events are redelivered")
                .containsExactlyInAnyOrder("OUTBID", "WON", "SETTLED");
        assertThat(only(bobs, "SETTLED").path("amount").asLong()).as("bob paid his bid").isEqualTo(3600);
        assertThat(only(bobs, "OUTBID").path("amount").asLong()).as("carol's bid outbid him").isEqualTo(3200);

        List<JsonNode> sallys = await().atMost(SETTLE_TIMEOUT).until(() -> inbox("sally", auctionId),
                inbox -> types(inbox).containsAll(List.of("SOLD", "SETTLED")));
        assertThat(types(sallys)).containsExactlyInAnyOrder("SOLD", "SETTLED");
        assertThat(only(sallys, "SOLD").path("amount").asLong()).isEqualTo(3600);
        assertThat(only(sallys, "SETTLED").path("amount").asLong())
                .as("her proceeds: the price less the default 10 % platform fee").isEqualTo(3240);

        assertThat(types(inbox("carol", auctionId))).as("outbid once by bob's winning bid; she won nothing")
                .containsExactly("OUTBID");
    }

    /** The user's notifications about one auction, from the notifier's inbox. */
    private static List<JsonNode> inbox(String user, String auctionId) {
        Answer answer = api.notifications(user);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<JsonNode> about = new ArrayList<>();
        answer.body().path("notifications").forEach(n -> {
            if (n.path("auctionId").asString().equals(auctionId)) {
                assertThat(n.path("recipientId").asString()).isEqualTo(user);
                about.add(n);
            }
        });
        return about;
    }

    private static List<String> types(List<JsonNode> notifications) {
        return notifications.stream().map(n -> n.path("type").asString()).toList();
    }

    private static JsonNode only(List<JsonNode> notifications, String type) {
        List<JsonNode> ofType = notifications.stream().filter(n -> n.path("type").asString().equals(type)).toList();
        assertThat(ofType).as(type).hasSize(1);
        return ofType.get(0);
    }

    @Test
    void randomBidsFromSeveralUsersEndWithTheWinnerAndPriceTheRulesGiveTheAcceptedBids() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        Instant endsAt = Instant.now().plusSeconds(20);
        long startPrice = 1000;
        long increment = 100;
        // a reserve that random bidding may or may not reach, one it cannot, and an auction nobody bids on
        List<Long> reserves = List.of(1000L, 1000L, 5000L, 100_000L, 1000L);
        List<String> auctions = new ArrayList<>();
        for (int i = 0; i < reserves.size(); i++) {
            String auctionId = "rnd-" + run + "-" + i;
            Answer opened = api.open("seller", "open-" + auctionId,
                    auctionJson(auctionId, startPrice, increment, reserves.get(i), endsAt));
            assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
            auctions.add(auctionId);
        }
        List<String> biddedOn = auctions.subList(0, 4);
        List<String> users = List.of("u1", "u2", "u3", "u4", "u5", "u6");
        users.forEach(api::token);

        ConcurrentLinkedQueue<Placed> placed = new ConcurrentLinkedQueue<>();
        ExecutorService bidders = Executors.newFixedThreadPool(users.size());
        List<Future<?>> done = new ArrayList<>();
        for (int u = 0; u < users.size(); u++) {
            String user = users.get(u);
            Random random = new Random(42 + u);
            done.add(bidders.submit(() -> {
                for (int n = 0; n < 50; n++) {
                    String auctionId = biddedOn.get(random.nextInt(biddedOn.size()));
                    // around the price the user last saw: some bids race and lose, some are too low on purpose
                    long seen = api.auction(auctionId).body().path("minNextBid").asLong(startPrice);
                    long amount = Math.max(1, seen + (random.nextInt(5) - 1) * 50L);
                    Answer answer = api.bid(user, auctionId, user + "-" + n, amount);
                    placed.add(new Placed(auctionId, user, amount, answer));
                }
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        bidders.shutdown();
        assertThat(placed).hasSize(300);
        assertThat(placed).allSatisfy(p -> assertThat(p.answer().status()).as(p.toString()).isIn(201, 409));

        for (int i = 0; i < auctions.size(); i++) {
            String auctionId = auctions.get(i);
            List<Placed> accepted = placed.stream()
                    .filter(p -> p.auctionId().equals(auctionId) && p.answer().status() == 201)
                    .sorted(Comparator.comparingLong(p -> p.answer().body().path("seq").asLong()))
                    .toList();
            assertTheRulesHold(auctionId, accepted, startPrice, increment);
            placed.stream().filter(p -> p.auctionId().equals(auctionId) && p.answer().status() == 409)
                    .forEach(p -> assertRejectionIsRight(p));

            JsonNode closed = await().atMost(CLOSE_TIMEOUT).until(() -> api.auction(auctionId).body(),
                    auction -> auction.path("status").asString().equals("CLOSED"));
            assertThat(closed.path("bidCount").asLong()).isEqualTo(accepted.size());
            if (accepted.isEmpty()) {
                assertThat(closed.path("outcome").asString()).isEqualTo("NO_BIDS");
                continue;
            }
            Placed last = accepted.get(accepted.size() - 1);
            if (last.amount() >= reserves.get(i)) {
                assertThat(closed.path("outcome").asString()).as(auctionId).isEqualTo("SOLD");
                assertThat(closed.path("winnerId").asString()).isEqualTo(api.aliasOf(last.user(), auctionId));
                assertThat(closed.path("price").asLong()).isEqualTo(last.amount());
            } else {
                assertThat(closed.path("outcome").asString()).as(auctionId).isEqualTo("RESERVE_NOT_MET");
                assertThat(closed.path("winnerId").isMissingNode() || closed.path("winnerId").isNull()).isTrue();
            }
        }
        assertThat(placed).filteredOn(p -> p.answer().status() == 201).hasSizeGreaterThan(20);
        assertThat(placed).filteredOn(p -> "BID_TOO_LOW".equals(p.answer().code())).isNotEmpty();
    }

    @Test
    void everyServiceAnswersReadyAndTheSettlementWorkerAndNotifierCountTheirDatabaseIn() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (var service : stack.services()) {
            var response = http.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(service.url() + service.definition().healthPath())).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(service.definition().name()).isEqualTo(200);
            JsonNode health = GreamApi.JSON.readTree(response.body());
            assertThat(health.path("status").asString()).isEqualTo("UP");
            if (List.of("settlement-worker", "notifier").contains(service.definition().name())) {
                assertThat(response.body()).as(service.definition().name() + " readiness").contains("\"db\"");
            }
        }
        assertThat(stack.services()).extracting(s -> s.definition().name())
                .containsExactly("bid-engine", "ingress-api", "settlement-worker", "notifier");
    }

    /**
     * Accepted bids, in the engine's order ({@code seq}), must form a valid bidding history by the rules. Each answer
     * names the bidder it outbid by their alias in the auction.
     */
    private static void assertTheRulesHold(String auctionId, List<Placed> accepted, long startPrice, long increment) {
        for (int k = 0; k < accepted.size(); k++) {
            JsonNode event = accepted.get(k).answer().body();
            assertThat(event.path("seq").asLong()).as("gapless seq: every accepted bid answered").isEqualTo(k + 2);
            assertThat(event.path("bidCount").asLong()).isEqualTo(k + 1);
            if (k == 0) {
                assertThat(accepted.get(k).amount()).as(auctionId).isGreaterThanOrEqualTo(startPrice);
                assertThat(event.path("previousLeaderId").isMissingNode() || event.path("previousLeaderId").isNull())
                        .isTrue();
            } else {
                Placed before = accepted.get(k - 1);
                assertThat(accepted.get(k).amount()).as(auctionId)
                        .isGreaterThanOrEqualTo(before.amount() + increment);
                assertThat(accepted.get(k).user()).as("nobody outbids themselves").isNotEqualTo(before.user());
                assertThat(event.path("previousLeaderId").asString()).as("the outbid bidder, by their alias")
                        .isEqualTo(api.aliasOf(before.user(), auctionId));
                assertThat(event.path("previousAmount").asLong()).isEqualTo(before.amount());
            }
        }
    }

    private static void assertRejectionIsRight(Placed rejected) {
        String code = rejected.answer().code();
        assertThat(code).as(rejected.toString()).isIn("BID_TOO_LOW", "ALREADY_LEADING", "AUCTION_CLOSED");
        if (code.equals("BID_TOO_LOW")) {
            assertThat(rejected.amount()).isLessThan(rejected.answer().body().path("minNextBid").asLong());
        }
    }

    private record Placed(String auctionId, String user, long amount, Answer answer) {
    }

    static String auctionJson(String auctionId, long startPrice, long increment, Long reserve, Instant endsAt) {
        return """
                {"auctionId":"%s","item":{"brand":"Starbucks","name":"Americano Tall","faceValue":4500,
                 "voucherExpiresOn":"2030-12-31"},"startPrice":%d,"minIncrement":%d,%s"endsAt":"%s",
                 "softCloseSeconds":0}""".formatted(auctionId, startPrice, increment,
                reserve == null ? "" : "\"reservePrice\":" + reserve + ",", endsAt);
    }
}
