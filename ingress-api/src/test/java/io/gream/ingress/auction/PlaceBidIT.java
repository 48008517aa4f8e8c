package io.gream.ingress.auction;

import io.gream.contracts.BidAccepted;
import io.gream.contracts.CommandLogEntry;
import io.gream.contracts.PlaceBid;
import io.gream.contracts.RejectionReason;
import io.gream.ingress.command.CommandIds;
import io.gream.ingress.testing.Api;
import io.gream.ingress.testing.EngineStub.Reply;
import io.gream.ingress.testing.SharedIngressContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.gream.ingress.auction.EngineOutcomes.accepted;
import static io.gream.ingress.auction.EngineOutcomes.rejected;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/auctions/{id}/bids} end to end: the command written to the real broker, its outcome read back
 * from the real event topic (or, as the fallback, from the engine stand-in), and every status a bid can get.
 */
class PlaceBidIT extends SharedIngressContext {

    @Test
    void acceptedBidIsWrittenOnceAndAnswered201WithTheOutcome() {
        String auctionId = fresh("a");
        String bob = fresh("bob");
        String commandId = CommandIds.commandId("PlaceBid", bob, auctionId, "k1");
        decisions.onCommand(auctionId, id -> accepted(auctionId, id, bob, 1_500));

        Api.Response response = bid(auctionId, bob, "k1", 1_500).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.header("Location")).isEqualTo("/api/auctions/" + auctionId + "/bids/" + commandId);
        assertThat(response.json().path("type").asString()).isEqualTo("BidAccepted");
        assertThat(response.json().path("commandId").asString()).isEqualTo(commandId);
        assertThat(response.json().path("minNextBid").asLong()).isEqualTo(1_600);
        List<ConsumerRecord<String, CommandLogEntry>> records = commands.recordsUpTo(auctionId, commandId);
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(auctionId);
            assertThat(record.value()).isEqualTo(new PlaceBid(commandId, auctionId, bob, 1_500));
        });
        assertThat(engine.requestsFor(auctionId)).isEmpty(); // the outcome came through the log
    }

    @Test
    void bidBelowMinNextBidIs409WithReasonAndMinNextBid() {
        String auctionId = fresh("a");
        String bob = fresh("bob");
        decisions.onCommand(auctionId, id ->
                rejected(auctionId, id, bob, 1_050, RejectionReason.BID_TOO_LOW, 1_100L));

        Api.Response response = bid(auctionId, bob, "k1", 1_050).send();

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("BID_TOO_LOW");
        assertThat(response.json().path("reason").asString()).isEqualTo("BID_TOO_LOW");
        assertThat(response.json().path("minNextBid").asLong()).isEqualTo(1_100);
        assertThat(response.json().path("commandId").asString())
                .isEqualTo(CommandIds.commandId("PlaceBid", bob, auctionId, "k1"));
        assertThat(response.json().path("detail").asString()).contains("1100");
    }

    @Test
    void bidOnOwnAuctionIs409SelfBid() {
        String auctionId = fresh("a");
        String sally = fresh("sally");
        decisions.onCommand(auctionId, id ->
                rejected(auctionId, id, sally, 2_000, RejectionReason.SELF_BID, 1_000L));

        Api.Response response = bid(auctionId, sally, "k1", 2_000).send();

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("SELF_BID");
    }

    @Test
    void bidOnUnknownAuctionIs404AuctionNotFound() {
        String auctionId = fresh("a");
        String bob = fresh("bob");
        decisions.onCommand(auctionId, id ->
                rejected(auctionId, id, bob, 2_000, RejectionReason.AUCTION_NOT_FOUND, null));

        Api.Response response = bid(auctionId, bob, "k1", 2_000).send();

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("AUCTION_NOT_FOUND");
        assertThat(response.json().has("minNextBid")).isFalse();
    }

    @Test
    void undecidedBidIs202WithTheCommandsLocationWhichLaterGivesTheOutcome() {
        String auctionId = fresh("a");
        String bob = fresh("bob");
        String commandId = CommandIds.commandId("PlaceBid", bob, auctionId, "k1");

        Api.Response pending = bid(auctionId, bob, "k1", 1_500).header("Prefer", "wait=1").send();

        assertThat(pending.status()).isEqualTo(202);
        String location = "/api/auctions/" + auctionId + "/bids/" + commandId;
        assertThat(pending.header("Location")).isEqualTo(location);
        assertThat(pending.header("Retry-After")).isEqualTo("1");
        assertThat(pending.json().path("status").asString()).isEqualTo("PENDING");
        assertThat(pending.json().path("commandId").asString()).isEqualTo(commandId);
        assertThat(commands.recordsUpTo(auctionId, commandId)).hasSize(1);

        // nothing came through the log within the wait: the engine was asked once, without waiting
        assertThat(engine.requestsFor(auctionId)).extracting(r -> r.query().get("waitMs")).containsExactly("0");

        Api.Response stillPending = api.get(location).as(bob).send();
        assertThat(stillPending.status()).isEqualTo(202);

        decisions.append(accepted(auctionId, commandId, bob, 1_500)); // the engine decides, late
        Api.Response decided = api.get(location).as(bob).header("Prefer", "wait=5").send();
        assertThat(decided.status()).isEqualTo(200);
        assertThat(decided.header("Preference-Applied")).isEqualTo("wait=5");
        assertThat(decided.json().path("type").asString()).isEqualTo("BidAccepted");
    }

    @Test
    void outcomeTheTailNeverSawIsAskedFromTheEngineOnceTheWaitIsOver() {
        // e.g. decided before this replica started: its retry is answered from the engine's store
        String auctionId = fresh("a");
        String bob = fresh("bob");
        engine.onCommand(auctionId, id -> Reply.outcome(accepted(auctionId, id, bob, 1_500)));

        Api.Response response = bid(auctionId, bob, "k1", 1_500).header("Prefer", "wait=1").send();

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("type").asString()).isEqualTo("BidAccepted");
        assertThat(engine.requestsFor(auctionId)).singleElement()
                .satisfies(request -> assertThat(request.query()).containsEntry("waitMs", "0"));
    }

    @Test
    void preferWaitChoosesHowLongToWaitAndIsReportedAsApplied() {
        String auctionId = fresh("a");
        String bob = fresh("bob");
        decisions.onCommand(auctionId, id -> accepted(auctionId, id, bob, 1_500));

        Api.Response response = bid(auctionId, bob, "k1", 1_500).header("Prefer", "wait=5").send();

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Preference-Applied")).isEqualTo("wait=5");
        assertThat(engine.requestsFor(auctionId)).isEmpty();
    }

    @Test
    void preferWaitIsBoundedToTenSeconds() {
        String auctionId = fresh("a");
        String bob = fresh("bob");
        decisions.onCommand(auctionId, id -> accepted(auctionId, id, bob, 1_500));

        Api.Response response = bid(auctionId, bob, "k1", 1_500)
                .header("Prefer", "respond-async, wait=600").send();

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Preference-Applied")).isEqualTo("wait=10");
    }

    @Test
    void preferWaitZeroAnswers202AsSoonAsTheBrokerAcknowledged() {
        String auctionId = fresh("a");
        String bob = fresh("bob");

        Api.Response response = bid(auctionId, bob, "k1", 1_500).header("Prefer", "wait=0").send();

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.header("Preference-Applied")).isEqualTo("wait=0");
        assertThat(engine.requestsFor(auctionId)).isEmpty();
        assertThat(commands.recordsUpTo(auctionId, CommandIds.commandId("PlaceBid", bob, auctionId, "k1")))
                .hasSize(1);
    }

    @Test
    void sameIdempotencyKeyTwiceIsOneCommandIdAndTheSameAnswer() {
        String auctionId = fresh("a");
        String bob = fresh("bob");
        decisions.onCommand(auctionId, id -> accepted(auctionId, id, bob, 1_500));

        Api.Response first = bid(auctionId, bob, "retry-me", 1_500).send();
        Api.Response retry = bid(auctionId, bob, "retry-me", 1_500).send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        // the engine publishes a repeated command's outcome once; the retry was answered from what the tail read
        assertThat(engine.requestsFor(auctionId)).isEmpty();
        String commandId = CommandIds.commandId("PlaceBid", bob, auctionId, "retry-me");
        List<ConsumerRecord<String, CommandLogEntry>> records = commands.awaitRecords(auctionId, 2);
        assertThat(records).hasSize(2).allSatisfy(record ->
                assertThat(((PlaceBid) record.value()).commandId()).isEqualTo(commandId));
    }

    @Test
    void sameIdempotencyKeyFromAnotherUserIsAnotherCommand() {
        String auctionId = fresh("a");
        String bob = fresh("bob");
        String carol = fresh("carol");

        bid(auctionId, bob, "same-key", 1_500).header("Prefer", "wait=0").send();
        bid(auctionId, carol, "same-key", 1_600).header("Prefer", "wait=0").send();

        List<ConsumerRecord<String, CommandLogEntry>> records = commands.awaitRecords(auctionId, 2);
        assertThat(records).extracting(r -> ((PlaceBid) r.value()).commandId()).containsExactly(
                CommandIds.commandId("PlaceBid", bob, auctionId, "same-key"),
                CommandIds.commandId("PlaceBid", carol, auctionId, "same-key"))
                .doesNotHaveDuplicates();
    }

    @Test
    void reusingAnIdempotencyKeyForAnotherAmountIs422AndWritesNothing() {
        String auctionId = fresh("a");
        String bob = fresh("bob");
        decisions.onCommand(auctionId, id -> accepted(auctionId, id, bob, 1_500));

        bid(auctionId, bob, "k1", 1_500).send();
        Api.Response reused = bid(auctionId, bob, "k1", 9_000).send();

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        // refused before writing: after the first bid, the next record of this auction is a later bid's
        bid(auctionId, bob, "k2", 2_000).header("Prefer", "wait=0").send();
        assertThat(commands.recordsUpTo(auctionId, CommandIds.commandId("PlaceBid", bob, auctionId, "k2")))
                .extracting(record -> ((PlaceBid) record.value()).amount()).containsExactly(1_500L, 2_000L);
    }

    @Test
    void writtenBidWhoseOutcomeCannotBeReadIs202NotAnError() {
        String auctionId = fresh("a");
        String bob = fresh("bob");
        engine.onCommand(auctionId, id -> Reply.json(500, "{\"oops\":true}"));

        Api.Response response = bid(auctionId, bob, "k1", 1_500).header("Prefer", "wait=1").send();

        assertThat(response.status()).isEqualTo(202);
        // asked once the wait was over: the configured two attempts
        assertThat(engine.requestsFor(auctionId)).hasSize(2);
        assertThat(commands.recordsUpTo(auctionId, CommandIds.commandId("PlaceBid", bob, auctionId, "k1")))
                .hasSize(1);
    }

    @Test
    void anotherUsersCommandOutcomeIsNotFound() {
        String auctionId = fresh("a");
        String bob = fresh("bob");
        String commandId = CommandIds.commandId("PlaceBid", bob, auctionId, "k1");
        engine.onCommand(auctionId, id -> Reply.outcome(accepted(auctionId, id, bob, 1_500)));

        Api.Response own = api.get("/api/auctions/" + auctionId + "/bids/" + commandId).as(bob).send();
        Api.Response others = api.get("/api/auctions/" + auctionId + "/bids/" + commandId).as(fresh("eve")).send();

        assertThat(own.status()).isEqualTo(200);
        assertThat(others.status()).isEqualTo(404);
        assertThat(others.code()).isEqualTo("COMMAND_NOT_FOUND");
    }

    @Test
    void commandOutcomeNeedsAValidCommandIdAndAToken() {
        String auctionId = fresh("a");

        Api.Response badId = api.get("/api/auctions/" + auctionId + "/bids/not-a-uuid").as(fresh("bob")).send();
        Api.Response noToken = api.get("/api/auctions/" + auctionId + "/bids/"
                + CommandIds.commandId("PlaceBid", "bob", auctionId, "k1")).send();

        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(badId.json().path("errors").get(0).path("field").asString()).isEqualTo("commandId");
        assertThat(noToken.status()).isEqualTo(401);
    }

    @Test
    void aProxyBidCarriesItsMaximumToTheEngine() {
        String auctionId = fresh("a");
        String bob = fresh("bob");
        String commandId = CommandIds.commandId("PlaceBid", bob, auctionId, "k1");
        engine.onCommand(auctionId, id -> Reply.outcome(accepted(auctionId, id, bob, 1_500)));

        Api.Response response = api.post("/api/auctions/" + auctionId + "/bids").as(bob)
                .header("Idempotency-Key", "k1").json("{\"amount\":1500,\"maxAmount\":9000}").send();

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(commands.recordsUpTo(auctionId, commandId)).singleElement().satisfies(record ->
                assertThat(record.value()).isEqualTo(new PlaceBid(commandId, auctionId, bob, 1_500, 9_000L)));
    }

    @Test
    void aMaximumBelowTheAmountIs400AndNothingIsWritten() {
        String auctionId = fresh("a");
        String bob = fresh("bob");

        Api.Response response = api.post("/api/auctions/" + auctionId + "/bids").as(bob)
                .header("Idempotency-Key", "k1").json("{\"amount\":1500,\"maxAmount\":1499}").send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("maxAmount");
        assertThat(engine.requestsFor(auctionId)).isEmpty();
    }

    @Test
    void aProxyBidAcceptedAboveItsAmountIsNotAReusedKeyOnRetry() {
        String auctionId = fresh("a");
        String bob = fresh("bob");
        engine.onCommand(auctionId, id -> Reply.outcome(new BidAccepted(auctionId + ":3", auctionId, 3,
                Instant.parse("2030-01-01T00:00:00Z"), id, bob, 3_100, "alice", 1_000L, 2, 3_200, null, 1_500L)));

        Api.Response first = bid(auctionId, bob, "k1", 1_500).send();
        Api.Response retry = bid(auctionId, bob, "k1", 1_500).send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.json().path("amount").asLong()).isEqualTo(3_100);
    }

    private Api.Call bid(String auctionId, String userId, String key, long amount) {
        return api.post("/api/auctions/" + auctionId + "/bids").as(userId)
                .header("Idempotency-Key", key)
                .json("{\"amount\":" + amount + "}");
    }
}
