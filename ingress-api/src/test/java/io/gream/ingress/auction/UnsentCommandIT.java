package io.gream.ingress.auction;

import io.gream.ingress.command.CommandIds;
import io.gream.ingress.testing.Api;
import io.gream.ingress.testing.EnginePosition;
import io.gream.ingress.testing.EngineStub.Reply;
import io.gream.ingress.testing.SharedIngressContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.gream.ingress.auction.EngineOutcomes.accepted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET .../bids/{commandId}} of an id nobody has an outcome for: {@code 404} when the log shows it was never
 * written, {@code 202} while it is on its way or the log cannot tell. The engine's progress is its consumer group's
 * committed position on the real broker ({@link EnginePosition}); its store is the engine stand-in.
 */
class UnsentCommandIT extends SharedIngressContext {

    @Test
    void anIdNeverWrittenIs404OnceTheEngineHasDecidedEveryCommandWrittenBeforeTheQuestion() {
        String auctionId = fresh("a");
        String bob = fresh("bob");
        EnginePosition.caughtUp();

        Api.Response answer = api.get("/api/auctions/" + auctionId + "/bids/" + UUID.randomUUID()).as(bob).send();

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.code()).isEqualTo("COMMAND_NOT_FOUND");
    }

    @Test
    void aWrittenCommandTheEngineHasNotDecidedStays202WhileAnUnknownIdBesideItIs404() {
        String auctionId = fresh("a");
        String bob = fresh("bob");
        EnginePosition.caughtUp();
        String commandId = CommandIds.commandId("PlaceBid", bob, auctionId, "k1");
        Api.Response written = api.post("/api/auctions/" + auctionId + "/bids").as(bob)
                .header("Idempotency-Key", "k1").header("Prefer", "wait=0").json("{\"amount\":1500}").send();
        assertThat(written.status()).isEqualTo(202);

        Api.Response onItsWay = api.get(written.header("Location")).as(bob).send();
        Api.Response unknown = api.get("/api/auctions/" + auctionId + "/bids/" + UUID.randomUUID()).as(bob).send();

        assertThat(onItsWay.status()).isEqualTo(202);
        assertThat(onItsWay.json().path("commandId").asString()).isEqualTo(commandId);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("COMMAND_NOT_FOUND");
    }

    @Test
    void aCommandTheEngineDecidedAfterThePositionWasReadIsStillItsOutcome() {
        String auctionId = fresh("a");
        String bob = fresh("bob");
        String commandId = CommandIds.commandId("PlaceBid", bob, auctionId, "k1");
        api.post("/api/auctions/" + auctionId + "/bids").as(bob).header("Idempotency-Key", "k1")
                .header("Prefer", "wait=0").json("{\"amount\":1500}").send();
        EnginePosition.caughtUp(); // decided and committed, and its outcome is in the engine's store
        engine.onCommand(auctionId, id -> id.equals(commandId)
                ? Reply.outcome(accepted(auctionId, commandId, bob, 1_500)) : Reply.pending());

        Api.Response answer = api.get("/api/auctions/" + auctionId + "/bids/" + commandId).as(bob).send();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("type").asString()).isEqualTo("BidAccepted");
    }

    @Test
    void anUnknownIdStays202WhileTheEngineCannotBeAsked() {
        String auctionId = fresh("a");
        String bob = fresh("bob");
        EnginePosition.caughtUp();
        engine.onCommand(auctionId, id -> Reply.rebalancing(Duration.ofSeconds(1)));

        Api.Response answer = api.get("/api/auctions/" + auctionId + "/bids/" + UUID.randomUUID()).as(bob).send();

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.header("Retry-After")).isEqualTo("1");
    }
}
