package io.gream.ingress.security;

import io.gream.contracts.AuctionClosed;
import io.gream.contracts.AuctionOpened;
import io.gream.contracts.BidAccepted;
import io.gream.contracts.CloseOutcome;
import io.gream.contracts.GreamJson;
import io.gream.contracts.Item;
import io.gream.ingress.testing.Api;
import io.gream.ingress.testing.EngineStub.Reply;
import io.gream.ingress.testing.EventStreamClient;
import io.gream.ingress.testing.SharedIngressContext;
import io.gream.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.gream.ingress.testing.Aliases.alias;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The public reads name users by a per-auction alias: the same user has one alias throughout an auction and unrelated
 * ones in others, no answer holds a user id, and a caller who sends a token finds their own alias as {@code you}.
 * Reads go anonymously, as the leader and as another bidder, over the auction, its bid history, the list and the
 * live stream.
 */
class PublicPseudonymsIT extends SharedIngressContext {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Instant AT = Instant.parse("2030-01-01T00:00:00Z");
    private static final Item VOUCHER = new Item("CU", "Banana Milk", 1_700, LocalDate.parse("2030-12-31"));

    private final String sally = fresh("sally");
    private final String bob = fresh("bob");
    private final String carol = fresh("carol");
    private final String first = fresh("first");
    private final String second = fresh("second");

    @BeforeEach
    void bobWinsTwoAuctionsOfSallyAgainstCarol() {
        for (String auctionId : List.of(first, second)) {
            engine.onAuction(auctionId, Reply.json(200, closedView(auctionId)));
            engine.onBidHistory(auctionId, Reply.json(200, """
                    {"bids":[{"seq":3,"at":"2030-01-01T00:00:03Z","bidderId":"%s","amount":3100,"byProxy":false,
                     "outbidAtOnce":false},{"seq":2,"at":"2030-01-01T00:00:02Z","bidderId":"%s","amount":3000,
                     "byProxy":false,"outbidAtOnce":false}]}""".formatted(bob, carol)));
        }
        engine.onList(query -> Reply.json(200,
                "{\"auctions\":[" + closedView(first) + "," + closedView(second) + "]}"));
    }

    @Test
    void noPublicReadHoldsAUserIdWhoeverAsks() {
        List<String> bodies = new ArrayList<>();
        for (String reader : Arrays.asList(null, bob, carol)) {
            for (String path : List.of("/api/auctions/" + first, "/api/auctions/" + first + "/bids",
                    "/api/auctions?status=OPEN")) {
                Api.Response response = read(path, reader);
                assertThat(response.status()).as(path + " " + response).isEqualTo(200);
                bodies.add(response.body());
            }
        }

        assertThat(bodies).allSatisfy(body -> assertThat(body).doesNotContain(sally, bob, carol));
    }

    @Test
    void aUsersAliasIsTheSameInEveryReadOfAnAuctionAndAnotherInAnotherAuction() {
        JsonNode anonymous = read("/api/auctions/" + first, null).json();
        JsonNode asCarol = read("/api/auctions/" + first, carol).json();
        JsonNode asBob = read("/api/auctions/" + first, bob).json();
        JsonNode history = read("/api/auctions/" + first + "/bids", null).json();
        JsonNode list = read("/api/auctions?status=OPEN", null).json().path("auctions");
        JsonNode otherAuction = read("/api/auctions/" + second, null).json();

        String bobInFirst = anonymous.path("leaderId").asString();
        assertThat(bobInFirst).matches("user-[0-9a-f]{8}").isEqualTo(alias(first, bob));
        assertThat(List.of(anonymous.path("winnerId").asString(), asCarol.path("leaderId").asString(),
                asBob.path("leaderId").asString(), history.path("bids").get(0).path("bidderId").asString(),
                list.get(0).path("leaderId").asString())).containsOnly(bobInFirst);
        assertThat(history.path("bids").get(1).path("bidderId").asString()).isEqualTo(alias(first, carol))
                .isNotEqualTo(bobInFirst);
        assertThat(anonymous.path("sellerId").asString()).isEqualTo(alias(first, sally));
        assertThat(otherAuction.path("leaderId").asString()).isEqualTo(list.get(1).path("leaderId").asString())
                .isEqualTo(alias(second, bob)).isNotEqualTo(bobInFirst);
        assertThat(otherAuction.path("sellerId").asString()).isNotEqualTo(anonymous.path("sellerId").asString());
    }

    @Test
    void aCallerWithATokenFindsTheirOwnAliasAsYouAndAnonymousCallersFindNone() {
        JsonNode asBob = read("/api/auctions/" + first, bob).json();
        JsonNode asCarol = read("/api/auctions/" + first, carol).json();
        JsonNode historyAsCarol = read("/api/auctions/" + first + "/bids", carol).json();
        JsonNode listAsBob = read("/api/auctions?status=OPEN", bob).json().path("auctions");
        Api.Response anonymous = read("/api/auctions/" + first, null);

        assertThat(asBob.path("you").asString()).isEqualTo(asBob.path("leaderId").asString())
                .isEqualTo(asBob.path("winnerId").asString());
        assertThat(asCarol.path("you").asString()).isEqualTo(alias(first, carol))
                .isNotEqualTo(asCarol.path("leaderId").asString());
        assertThat(historyAsCarol.path("you").asString())
                .isEqualTo(historyAsCarol.path("bids").get(1).path("bidderId").asString());
        assertThat(listAsBob).allSatisfy(auction ->
                assertThat(auction.path("you").asString()).isEqualTo(auction.path("leaderId").asString()));
        assertThat(listAsBob.get(0).path("you").asString()).isNotEqualTo(listAsBob.get(1).path("you").asString());
        assertThat(anonymous.json().has("you")).isFalse();
        assertThat(read("/api/auctions/" + first, bob).header("Vary")).contains("Authorization");
        assertThat(read("/api/auctions/" + first + "/bids", bob).header("Vary")).contains("Authorization");
        assertThat(read("/api/auctions?status=OPEN", bob).header("Vary")).contains("Authorization");
    }

    @Test
    void theLiveStreamNamesUsersByAliasWithoutCommandIdsAndMarksTheWatcherWhoSentAToken() {
        String auctionId = fresh("live");
        EventStreamClient.Stream anonymous = watch(auctionId);
        EventStreamClient.Stream asBob = watch(auctionId, "Authorization", "Bearer " + Tokens.valid(bob));

        decisions.append(
                new AuctionOpened(auctionId + ":1", auctionId, 1, AT, "c-open", sally, VOUCHER, 3_000, 100, null, null,
                        AT.plusSeconds(60), 0),
                new BidAccepted(auctionId + ":2", auctionId, 2, AT.plusSeconds(2), "c-carol", carol, 3_000, null, null,
                        1, 3_100),
                new BidAccepted(auctionId + ":3", auctionId, 3, AT.plusSeconds(3), "c-bob", bob, 3_100, carol,
                        3_000L, 2, 3_200),
                new AuctionClosed(auctionId + ":4", auctionId, 4, AT.plusSeconds(60), null, sally, VOUCHER,
                        CloseOutcome.SOLD, bob, 3_100L, 2));

        await().atMost(TIMEOUT).until(() -> anonymous.ended() && asBob.ended());
        List<JsonNode> publicEvents = data(anonymous);
        List<JsonNode> bobsEvents = data(asBob);
        assertThat(publicEvents).extracting(e -> e.path("type").asString())
                .containsExactly("AuctionOpened", "BidAccepted", "BidAccepted", "AuctionClosed");
        assertThat(anonymous.events()).extracting(EventStreamClient.Event::data).allSatisfy(data -> assertThat(data)
                .doesNotContain(sally, bob, carol, "c-open", "c-carol", "c-bob").doesNotContain("\"you\""));
        assertThat(asBob.events()).extracting(EventStreamClient.Event::data)
                .allSatisfy(data -> assertThat(data).doesNotContain(sally, bob, carol, "commandId"));
        String bobHere = alias(auctionId, bob);
        assertThat(bobsEvents).allSatisfy(e -> assertThat(e.path("you").asString()).isEqualTo(bobHere));
        assertThat(publicEvents.get(0).path("sellerId").asString()).isEqualTo(alias(auctionId, sally));
        assertThat(publicEvents.get(1).path("bidderId").asString()).isEqualTo(alias(auctionId, carol));
        assertThat(publicEvents.get(2).path("bidderId").asString()).isEqualTo(bobHere);
        assertThat(publicEvents.get(2).path("previousLeaderId").asString()).isEqualTo(alias(auctionId, carol));
        assertThat(publicEvents.get(3).path("winnerId").asString()).isEqualTo(bobHere);
        assertThat(bobsEvents.get(2).path("bidderId").asString()).isEqualTo(bobsEvents.get(2).path("you").asString());
    }

    @Test
    void aBiddersOwnAnswerKeepsTheirIdAndNamesTheBidderTheyOutbidByAlias() {
        String auctionId = fresh("cmd");
        decisions.onCommand(auctionId, id -> new BidAccepted(auctionId + ":3", auctionId, 3, AT, id, bob, 3_100,
                carol, 3_000L, 2, 3_200));

        Api.Response accepted = api.post("/api/auctions/" + auctionId + "/bids").as(bob)
                .header("Idempotency-Key", "k1").json("{\"amount\":3100}").send();
        Api.Response status = api.get(accepted.header("Location")).as(bob).send();

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        assertThat(status.status()).as(status.toString()).isEqualTo(200);
        for (Api.Response answer : List.of(accepted, status)) {
            assertThat(answer.json().path("bidderId").asString()).isEqualTo(bob);
            assertThat(answer.json().path("previousLeaderId").asString()).isEqualTo(alias(auctionId, carol));
            assertThat(answer.body()).doesNotContain(carol);
        }
    }

    private Api.Response read(String path, String userId) {
        Api.Call call = api.get(path);
        return (userId == null ? call : call.as(userId)).send();
    }

    private String closedView(String auctionId) {
        return """
                {"auctionId":"%s","status":"CLOSED","sellerId":"%s","item":{"brand":"CU","name":"Banana Milk",
                 "faceValue":1700,"voucherExpiresOn":"2030-12-31"},"startPrice":3000,"minIncrement":100,
                 "currentPrice":3100,"leaderId":"%s","bidCount":2,"endsAt":"2030-01-02T00:00:00Z","seq":4,
                 "outcome":"SOLD","winnerId":"%s","price":3100,"stale":false}"""
                .formatted(auctionId, sally, bob, bob);
    }

    /** Opens a stream and waits for its headers: the ingress has registered the watcher by then. */
    private EventStreamClient.Stream watch(String auctionId, String... headers) {
        EventStreamClient.Stream stream = streams.open("/api/auctions/" + auctionId + "/events", null, headers);
        assertThat(stream.response().orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join().statusCode())
                .isEqualTo(200);
        return stream;
    }

    private static List<JsonNode> data(EventStreamClient.Stream stream) {
        return stream.events().stream().map(e -> GreamJson.mapper().readTree(e.data())).toList();
    }
}
