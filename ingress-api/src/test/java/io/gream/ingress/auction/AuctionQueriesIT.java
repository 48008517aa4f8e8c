package io.gream.ingress.auction;

import io.gream.ingress.testing.Api;
import io.gream.ingress.testing.EngineStub.Reply;
import io.gream.ingress.testing.SharedIngressContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static io.gream.ingress.testing.Aliases.alias;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public reads, {@code GET /api/auctions/{id}} and {@code GET /api/auctions}, over the engine stand-in. Users
 * appear by alias; {@code PublicPseudonymsIT} covers that in depth.
 */
class AuctionQueriesIT extends SharedIngressContext {

    @Test
    void auctionIsPublicWithItsSeqAsETagAndHidesTheReserveAmount() {
        String auctionId = fresh("a");
        engine.onAuction(auctionId, Reply.json(200, openView(auctionId, 7)));

        Api.Response response = api.get("/api/auctions/" + auctionId).send(); // no token

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("ETag")).isEqualTo("\"7\"");
        assertThat(response.json().path("status").asString()).isEqualTo("OPEN");
        assertThat(response.json().path("currentPrice").asLong()).isEqualTo(3_200);
        assertThat(response.json().path("minNextBid").asLong()).isEqualTo(3_300);
        assertThat(response.json().path("leaderId").asString()).isEqualTo(alias(auctionId, "bob"));
        assertThat(response.json().path("sellerId").asString()).isEqualTo(alias(auctionId, "sally"));
        assertThat(response.json().has("you")).isFalse();
        assertThat(response.json().path("bidCount").asLong()).isEqualTo(2);
        assertThat(response.json().path("endsAt").asString()).isEqualTo("2030-01-02T00:00:00Z");
        assertThat(response.json().path("reserveMet").asBoolean()).isFalse();
        assertThat(response.json().has("reservePrice")).isFalse();
        assertThat(response.json().path("stale").asBoolean()).isFalse();
    }

    @Test
    void unchangedAuctionIs304ForItsETag() {
        String auctionId = fresh("a");
        engine.onAuction(auctionId, Reply.json(200, openView(auctionId, 7)));

        Api.Response same = api.get("/api/auctions/" + auctionId).header("If-None-Match", "\"7\"").send();
        Api.Response changed = api.get("/api/auctions/" + auctionId).header("If-None-Match", "\"6\"").send();

        assertThat(same.status()).isEqualTo(304);
        assertThat(same.header("ETag")).isEqualTo("\"7\"");
        assertThat(same.body()).isEmpty();
        assertThat(changed.status()).isEqualTo(200);
    }

    @Test
    void closedAuctionShowsItsOutcome() {
        String auctionId = fresh("a");
        engine.onAuction(auctionId, Reply.json(200, """
                {"auctionId":"%s","status":"CLOSED","sellerId":"sally","item":{"brand":"CU","name":"Banana Milk",
                 "faceValue":1700,"voucherExpiresOn":"2030-12-31"},"startPrice":1000,"minIncrement":100,
                 "currentPrice":1200,"leaderId":"bob","bidCount":1,"endsAt":"2030-01-02T00:00:00Z","seq":3,
                 "outcome":"SOLD","winnerId":"bob","price":1200,"stale":true,"staleByRecords":250,"futureField":1}"""
                .formatted(auctionId)));

        Api.Response response = api.get("/api/auctions/" + auctionId).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("outcome").asString()).isEqualTo("SOLD");
        assertThat(response.json().path("winnerId").asString()).isEqualTo(alias(auctionId, "bob"));
        assertThat(response.json().path("price").asLong()).isEqualTo(1_200);
        assertThat(response.json().has("minNextBid")).isFalse();
        assertThat(response.json().has("reserveMet")).isFalse();
        assertThat(response.json().path("stale").asBoolean()).isTrue();
        assertThat(response.json().path("staleByRecords").asLong()).isEqualTo(250);
    }

    @Test
    void unknownAuctionIs404() {
        Api.Response response = api.get("/api/auctions/" + fresh("nope")).send();

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("AUCTION_NOT_FOUND");
    }

    @Test
    void engineRebalancingIs503WithTheEnginesRetryAfter() {
        String auctionId = fresh("a");
        engine.onAuction(auctionId, Reply.rebalancing(Duration.ofSeconds(7)));

        Api.Response response = api.get("/api/auctions/" + auctionId).send();

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.code()).isEqualTo("ENGINE_UNAVAILABLE");
        assertThat(response.header("Retry-After")).isEqualTo("7");
        assertThat(engine.requestsFor(auctionId)).hasSize(1); // a rebalance is not retried elsewhere
    }

    @Test
    void engineThatDoesNotAnswerInTimeIs503AfterTheConfiguredAttempts() {
        String auctionId = fresh("a");
        CountDownLatch never = new CountDownLatch(1);
        engine.onAuction(auctionId, Reply.json(200, openView(auctionId, 1)).heldUntil(never));
        try {
            Instant start = Instant.now();
            Api.Response response = api.get("/api/auctions/" + auctionId).send();

            assertThat(response.status()).isEqualTo(503);
            assertThat(response.code()).isEqualTo("ENGINE_UNAVAILABLE");
            assertThat(response.header("Retry-After")).isEqualTo("1");
            assertThat(engine.requestsFor(auctionId)).hasSize(2);
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5)); // 2 x 1 s
        } finally {
            never.countDown();
        }
    }

    @Test
    void engineAnswerOutsideTheContractIs500WithoutDetails() {
        String auctionId = fresh("a");
        engine.onAuction(auctionId, Reply.json(400, "{\"error\":\"bad request\"}"));

        Api.Response response = api.get("/api/auctions/" + auctionId).send();

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.code()).isEqualTo("INTERNAL_ERROR");
        assertThat(response.body()).doesNotContain("Exception", "bid-engine", "at io.");
    }

    @Test
    void invalidAuctionIdIs400() {
        Api.Response response = api.get("/api/auctions/" + "x".repeat(65)).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void openAuctionsArePassedOnEndingSoonestFirstWithTheQuery() {
        engine.onList(query -> Reply.json(200, "{\"auctions\":[" + openView("first", 2) + ","
                + openView("second", 3) + "]}"));

        Api.Response response = api.get("/api/auctions?status=OPEN&limit=2&endingBefore=2030-01-03T00:00:00Z")
                .send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("auctions").valueStream().map(a -> a.path("auctionId").asString()))
                .containsExactly("first", "second");
        assertThat(engine.listRequests().get(engine.listRequests().size() - 1).query()).isEqualTo(Map.of(
                "status", "OPEN", "limit", "2", "endingBefore", "2030-01-03T00:00:00Z"));
    }

    @Test
    void aFullPageNamesTheNextOneWhoseCursorAndBrandArePassedToTheEngine() {
        engine.onList(query -> Reply.json(200, "{\"auctions\":[" + openView("first", 2) + ","
                + openView("second", 3) + "]}"));

        Api.Response page = api.get("/api/auctions?limit=2&brand=CU").send();
        String next = page.json().path("next").asString();
        Api.Response following = api.get("/api/auctions?limit=2&brand=CU&cursor=" + next).send();

        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(following.status()).as(following.toString()).isEqualTo(200);
        assertThat(engine.listRequests().get(engine.listRequests().size() - 1).query()).isEqualTo(Map.of(
                "status", "OPEN", "limit", "2", "brand", "CU",
                "afterEndsAt", "2030-01-02T00:00:00Z", "afterId", "second"));
    }

    @Test
    void aPageThatIsNotFullHasNoNextAndAForeignCursorIs400() {
        engine.onList(query -> Reply.json(200, "{\"auctions\":[" + openView("only", 2) + "]}"));

        Api.Response last = api.get("/api/auctions?limit=2").send();
        Api.Response forged = api.get("/api/auctions?cursor=not-a-cursor").send();

        assertThat(last.status()).isEqualTo(200);
        assertThat(last.json().has("next")).isFalse();
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.json().path("errors").get(0).path("field").asString()).isEqualTo("cursor");
    }

    @Test
    void openAuctionsDefaultToTwentyAndRefuseBadParameters() {
        engine.onList(query -> Reply.json(200, "{\"auctions\":[]}"));

        assertThat(api.get("/api/auctions").send().status()).isEqualTo(200);
        assertThat(engine.listRequests().get(engine.listRequests().size() - 1).query())
                .isEqualTo(Map.of("status", "OPEN", "limit", "20"));

        Api.Response tooMany = api.get("/api/auctions?limit=101").send();
        Api.Response closed = api.get("/api/auctions?status=CLOSED").send();
        Api.Response notANumber = api.get("/api/auctions?limit=ten").send();
        Api.Response notAnInstant = api.get("/api/auctions?endingBefore=tomorrow").send();

        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("errors").get(0).path("field").asString()).isEqualTo("limit");
        assertThat(closed.status()).isEqualTo(400);
        assertThat(closed.json().path("errors").get(0).path("field").asString()).isEqualTo("status");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.code()).isEqualTo("WRONG_TYPE");
        assertThat(notAnInstant.status()).isEqualTo(400);
        assertThat(notAnInstant.code()).isEqualTo("WRONG_TYPE");
    }

    @Test
    void aCallerWithATokenIsTheViewerTheEngineShowsTheirOwnMaximumTo() {
        String auctionId = fresh("a");
        String bob = fresh("bob");
        engine.onAuction(auctionId, Reply.json(200, openView(auctionId, 7).replace("\"stale\":false",
                "\"stale\":false,\"yourMaxAmount\":9000")));

        Api.Response asBob = api.get("/api/auctions/" + auctionId).as(bob).send();
        Api.Response anonymous = api.get("/api/auctions/" + auctionId).send();

        assertThat(asBob.status()).as(asBob.toString()).isEqualTo(200);
        assertThat(asBob.json().path("yourMaxAmount").asLong()).isEqualTo(9_000);
        assertThat(asBob.json().path("you").asString()).isEqualTo(alias(auctionId, bob));
        assertThat(asBob.header("Vary")).contains("Authorization");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(engine.requestsFor(auctionId)).extracting(request -> request.query().get("viewer"))
                .containsExactly(bob, null);
    }

    @Test
    void aPublicReadWithAnInvalidTokenIs401NotAnonymous() {
        String auctionId = fresh("a");
        engine.onAuction(auctionId, Reply.json(200, openView(auctionId, 7)));

        Api.Response response = api.get("/api/auctions/" + auctionId).token("not-a-token").send();

        assertThat(response.status()).isEqualTo(401);
        assertThat(engine.requestsFor(auctionId)).isEmpty();
    }

    @Test
    void bidHistoryIsPublicNewestFirstAsTheEngineListsIt() {
        String auctionId = fresh("a");
        engine.onBidHistory(auctionId, Reply.json(200, """
                {"bids":[{"seq":4,"at":"2030-01-01T00:00:02Z","bidderId":"alice","amount":2100,"byProxy":true,
                 "outbidAtOnce":false},{"seq":3,"at":"2030-01-01T00:00:02Z","bidderId":"bob","amount":2000,
                 "byProxy":false,"outbidAtOnce":true}]}"""));

        Api.Response response = api.get("/api/auctions/" + auctionId + "/bids?limit=5").send(); // no token

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("bids")).extracting(bid -> bid.path("seq").asLong()).containsExactly(4L, 3L);
        assertThat(response.json().path("bids").get(0).path("byProxy").asBoolean()).isTrue();
        assertThat(response.json().path("bids").get(1).path("outbidAtOnce").asBoolean()).isTrue();
        assertThat(response.json().path("bids")).extracting(bid -> bid.path("bidderId").asString())
                .containsExactly(alias(auctionId, "alice"), alias(auctionId, "bob"));
        assertThat(engine.requestsFor(auctionId)).singleElement()
                .satisfies(request -> assertThat(request.query()).containsEntry("limit", "5"));
    }

    @Test
    void bidHistoryOfAnUnknownAuctionIs404AndABadLimitIs400() {
        Api.Response unknown = api.get("/api/auctions/" + fresh("nope") + "/bids").send();
        Api.Response tooMany = api.get("/api/auctions/" + fresh("a") + "/bids?limit=101").send();

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("AUCTION_NOT_FOUND");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.header("Content-Type")).startsWith("application/problem+json");
        assertThat(tooMany.json().path("errors").get(0).path("field").asString()).isEqualTo("limit");
    }

    private static String openView(String auctionId, long seq) {
        return """
                {"auctionId":"%s","status":"OPEN","sellerId":"sally","item":{"brand":"CU","name":"Banana Milk",
                 "faceValue":1700,"voucherExpiresOn":"2030-12-31"},"startPrice":3000,"minIncrement":100,
                 "reservePrice":5000,"currentPrice":3200,"minNextBid":3300,"leaderId":"bob","bidCount":2,
                 "endsAt":"2030-01-02T00:00:00Z","seq":%d,"stale":false}""".formatted(auctionId, seq);
    }
}
