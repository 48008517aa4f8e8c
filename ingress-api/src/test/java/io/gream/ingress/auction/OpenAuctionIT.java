package io.gream.ingress.auction;

import io.gream.contracts.CommandLogEntry;
import io.gream.contracts.Item;
import io.gream.contracts.OpenAuction;
import io.gream.contracts.RejectionReason;
import io.gream.ingress.command.CommandIds;
import io.gream.ingress.testing.Api;
import io.gream.ingress.testing.EngineStub.Reply;
import io.gream.ingress.testing.SharedIngressContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.gream.ingress.auction.EngineOutcomes.commandRejected;
import static io.gream.ingress.auction.EngineOutcomes.opened;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/auctions}: what is written, how the engine's decision is answered, and what is refused first. */
class OpenAuctionIT extends SharedIngressContext {

    /** A day from now, whole seconds: the end of every auction these tests open. */
    private final Instant endsAt = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    /** The voucher's expiry: well after the end. */
    private final LocalDate expiresOn = LocalDate.now(ZoneOffset.UTC).plusYears(1);

    @Test
    void openedAuctionIs201WithItsLocationAndTheCommandCarriesTheCallerAsSeller() {
        String auctionId = fresh("a");
        String sally = fresh("sally");
        String commandId = CommandIds.commandId("OpenAuction", sally, auctionId, "");
        decisions.onCommand(auctionId, id -> opened(auctionId, id, sally));

        Api.Response response = open(sally, terms(auctionId, "\"reservePrice\":3500,\"buyNowPrice\":4200,")).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.header("Location")).isEqualTo("/api/auctions/" + auctionId);
        assertThat(response.json().path("type").asString()).isEqualTo("AuctionOpened");
        List<ConsumerRecord<String, CommandLogEntry>> records = commands.recordsUpTo(auctionId, commandId);
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(auctionId);
            assertThat(record.value()).isEqualTo(new OpenAuction(commandId, auctionId, sally,
                    new Item("Starbucks", "Americano Tall", 4_500, expiresOn),
                    3_000, 100, 3_500L, 4_200L, endsAt, 60));
        });
    }

    @Test
    void auctionIdIsDerivedFromTheIdempotencyKeySoARetryOpensNoSecondAuction() {
        String sally = fresh("sally");

        Api.Response first = open(sally, terms(null, "")).header("Idempotency-Key", "open-1")
                .header("Prefer", "wait=0").send();
        Api.Response retry = open(sally, terms(null, "")).header("Idempotency-Key", "open-1")
                .header("Prefer", "wait=0").send();

        String auctionId = CommandIds.auctionId(sally, "open-1");
        String commandId = CommandIds.commandId("OpenAuction", sally, auctionId, "open-1");
        assertThat(first.status()).isEqualTo(202);
        assertThat(first.header("Location")).isEqualTo("/api/auctions/" + auctionId + "/commands/" + commandId);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(commands.awaitRecords(auctionId, 2)).extracting(r -> ((OpenAuction) r.value()).commandId())
                .containsExactly(commandId, commandId);
    }

    @Test
    void auctionWithoutIdOrKeyGetsAGeneratedId() {
        Api.Response response = open(fresh("sally"), terms(null, "")).header("Prefer", "wait=0").send();

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().path("auctionId").asString()).matches("[A-Za-z0-9_-]{1,64}");
    }

    @Test
    void auctionRefusedByTheEngineIs409NamedAfterTheRule() {
        String auctionId = fresh("a");
        String sally = fresh("sally");
        decisions.onCommand(auctionId, id -> commandRejected(auctionId, id, "OpenAuction", sally,
                RejectionReason.AUCTION_EXISTS, "auction " + auctionId + " already exists"));

        Api.Response response = open(sally, terms(auctionId, "")).send();

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("AUCTION_EXISTS");
        assertThat(response.json().path("reason").asString()).isEqualTo("AUCTION_EXISTS");
        assertThat(response.json().path("detail").asString()).contains("already exists");
    }

    @Test
    void undecidedOpenIs202WithTheCommandsLocation() {
        String auctionId = fresh("a");
        String sally = fresh("sally");

        Api.Response response = open(sally, terms(auctionId, "")).send();

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.header("Location")).isEqualTo("/api/auctions/" + auctionId + "/commands/"
                + CommandIds.commandId("OpenAuction", sally, auctionId, ""));
    }

    @Test
    void everyBrokenTermIsReportedAtOnceAndNothingIsWritten() {
        String auctionId = fresh("a");
        String sally = fresh("sally");
        String body = """
                {"auctionId":"%s","item":{"brand":" ","name":"Americano","faceValue":0,"voucherExpiresOn":"2020-01-01"},
                 "startPrice":3000,"minIncrement":0,"reservePrice":2000,"buyNowPrice":3000,
                 "endsAt":"%s","softCloseSeconds":-1}""".formatted(auctionId, Instant.now().minusSeconds(60));

        Api.Response response = open(sally, body).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(fields(response)).containsExactlyInAnyOrder("item.brand", "item.faceValue", "minIncrement",
                "reservePrice", "buyNowPrice", "endsAt", "softCloseSeconds", "item.voucherExpiresOn");
        assertNothingWrittenFor(auctionId, sally);
    }

    @Test
    void termsOutsideTheirRangesAreRefused() {
        String sally = fresh("sally");
        String tooFar = Instant.now().plus(Duration.ofDays(31)).toString();

        assertThat(fields(open(sally, replace(terms(fresh("a"), ""), endsAt.toString(), tooFar)).send()))
                .containsExactly("endsAt");
        assertThat(fields(open(sally, terms(fresh("a"), "\"buyNowPrice\":3200,\"reservePrice\":3500,")).send()))
                .containsExactly("buyNowPrice");
        assertThat(fields(open(sally, replace(terms(fresh("a"), ""), "\"startPrice\":3000",
                "\"startPrice\":1000000001")).send())).containsExactly("startPrice");
        assertThat(fields(open(sally, replace(terms(fresh("a"), ""), "\"auctionId\":\"", "\"auctionId\":\"bad id/"))
                .send())).containsExactly("auctionId");
        assertThat(fields(open(sally, replace(terms(fresh("a"), ""), expiresOn.toString(), "2020-01-01")).send()))
                .containsExactly("item.voucherExpiresOn");
        assertThat(fields(open(sally, replace(terms(fresh("a"), ""), ",\"softCloseSeconds\":60", "")).send()))
                .containsExactly("softCloseSeconds");
        assertThat(fields(open(sally, replace(terms(fresh("a"), ""), "\"minIncrement\":100,", "")).send()))
                .containsExactly("minIncrement");
    }

    @Test
    void requestNamingTheSellerIsRefused() {
        String auctionId = fresh("a");
        String sally = fresh("sally");

        Api.Response response = open(sally, terms(auctionId, "\"sellerId\":\"mallory\",")).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("UNKNOWN_PROPERTY");
        assertThat(fields(response)).containsExactly("sellerId");
        assertNothingWrittenFor(auctionId, sally);
    }

    private void assertNothingWrittenFor(String auctionId, String sally) {
        String marker = CommandIds.commandId("OpenAuction", sally, auctionId, "marker");
        assertThat(open(sally, terms(auctionId, "")).header("Idempotency-Key", "marker").header("Prefer", "wait=0")
                .send().status()).isEqualTo(202);
        assertThat(commands.recordsUpTo(auctionId, marker)).singleElement()
                .satisfies(r -> assertThat(((OpenAuction) r.value()).commandId()).isEqualTo(marker));
    }

    private Api.Call open(String userId, String body) {
        return api.post("/api/auctions").as(userId).json(body);
    }

    /** Valid terms; {@code extra} is inserted before startPrice. */
    private String terms(String auctionId, String extra) {
        return "{" + (auctionId == null ? "" : "\"auctionId\":\"" + auctionId + "\",")
                + "\"item\":{\"brand\":\"Starbucks\",\"name\":\"Americano Tall\",\"faceValue\":4500,"
                + "\"voucherExpiresOn\":\"" + expiresOn + "\"}," + extra
                + "\"startPrice\":3000,\"minIncrement\":100,\"endsAt\":\"" + endsAt + "\",\"softCloseSeconds\":60}";
    }

    private static String replace(String body, String from, String to) {
        assertThat(body).contains(from);
        return body.replace(from, to);
    }

    private static List<String> fields(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        return response.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList();
    }
}
