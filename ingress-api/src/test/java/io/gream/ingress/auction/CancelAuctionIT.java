package io.gream.ingress.auction;

import io.gream.contracts.CancelAuction;
import io.gream.contracts.RejectionReason;
import io.gream.ingress.command.CommandIds;
import io.gream.ingress.testing.Api;
import io.gream.ingress.testing.EngineStub.Reply;
import io.gream.ingress.testing.SharedIngressContext;
import org.junit.jupiter.api.Test;

import static io.gream.ingress.auction.EngineOutcomes.cancelled;
import static io.gream.ingress.auction.EngineOutcomes.commandRejected;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/auctions/{id}/cancel}: answered like bids, with the engine deciding who may cancel. */
class CancelAuctionIT extends SharedIngressContext {

    @Test
    void sellersCancelIs201AndTheCommandCarriesTheCaller() {
        String auctionId = fresh("a");
        String sally = fresh("sally");
        String commandId = CommandIds.commandId("CancelAuction", sally, auctionId, "");
        decisions.onCommand(auctionId, id -> cancelled(auctionId, id, sally));

        Api.Response response = cancel(auctionId, sally).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("type").asString()).isEqualTo("AuctionCancelled");
        assertThat(response.header("Location"))
                .isEqualTo("/api/auctions/" + auctionId + "/commands/" + commandId);
        assertThat(commands.recordsUpTo(auctionId, commandId)).singleElement()
                .satisfies(r -> assertThat(r.value()).isEqualTo(new CancelAuction(commandId, auctionId, sally)));
    }

    @Test
    void cancellingSomeoneElsesAuctionIs403NotSeller() {
        String auctionId = fresh("a");
        String mallory = fresh("mallory");
        decisions.onCommand(auctionId, id -> commandRejected(auctionId, id, "CancelAuction", mallory,
                RejectionReason.NOT_SELLER, null));

        Api.Response response = cancel(auctionId, mallory).send();

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("NOT_SELLER");
        assertThat(response.json().path("reason").asString()).isEqualTo("NOT_SELLER");
    }

    @Test
    void cancellingAnAuctionWithBidsIs409HasBids() {
        String auctionId = fresh("a");
        String sally = fresh("sally");
        decisions.onCommand(auctionId, id -> commandRejected(auctionId, id, "CancelAuction", sally,
                RejectionReason.HAS_BIDS, "auction " + auctionId + " has bids"));

        Api.Response response = cancel(auctionId, sally).header("Idempotency-Key", "c1").send();

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("HAS_BIDS");
    }

    @Test
    void undecidedCancelIs202() {
        String auctionId = fresh("a");

        Api.Response response = cancel(auctionId, fresh("sally")).header("Prefer", "wait=1").send();

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.header("Preference-Applied")).isEqualTo("wait=1");
    }

    @Test
    void cancelNamingTheSellerIsRefusedAndWritesNothing() {
        String auctionId = fresh("a");
        String sally = fresh("sally");

        Api.Response response = cancel(auctionId, sally).json("{\"sellerId\":\"" + sally + "\"}").send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("UNKNOWN_PROPERTY");
        String marker = CommandIds.commandId("CancelAuction", sally, auctionId, "marker");
        cancel(auctionId, sally).header("Idempotency-Key", "marker").header("Prefer", "wait=0").send();
        assertThat(commands.recordsUpTo(auctionId, marker)).hasSize(1);
    }

    private Api.Call cancel(String auctionId, String userId) {
        return api.post("/api/auctions/" + auctionId + "/cancel").as(userId);
    }
}
