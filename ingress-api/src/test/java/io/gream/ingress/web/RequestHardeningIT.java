package io.gream.ingress.web;

import io.gream.ingress.command.CommandIds;
import io.gream.ingress.testing.Api;
import io.gream.ingress.testing.SharedIngressContext;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * What a bid request must look like before anything is written: each malformed, mistyped, oversized or incomplete
 * request gets its {@code 4xx} problem with a stable code, and the command topic stays untouched.
 */
class RequestHardeningIT extends SharedIngressContext {

    static Stream<Arguments> badBodies() {
        return Stream.of(
                arguments(Named.of("not JSON", "{amount: 1500"), "MALFORMED_JSON", null),
                arguments(Named.of("trailing content", "{\"amount\":1500} {\"amount\":1}"), "MALFORMED_JSON", null),
                arguments(Named.of("duplicate key", "{\"amount\":1500,\"amount\":1}"), "MALFORMED_JSON", null),
                arguments(Named.of("empty body", ""), "MALFORMED_JSON", null),
                arguments(Named.of("JSON null", "null"), "MALFORMED_JSON", null),
                arguments(Named.of("unknown property", "{\"amount\":1500,\"note\":\"hi\"}"), "UNKNOWN_PROPERTY",
                        "note"),
                arguments(Named.of("names the bidder", "{\"amount\":1500,\"bidderId\":\"mallory\"}"),
                        "UNKNOWN_PROPERTY", "bidderId"),
                arguments(Named.of("amount as string", "{\"amount\":\"1500\"}"), "WRONG_TYPE", "amount"),
                arguments(Named.of("fractional amount", "{\"amount\":1500.5}"), "WRONG_TYPE", "amount"),
                arguments(Named.of("amount in exponent form", "{\"amount\":1.5e3}"), "WRONG_TYPE", "amount"),
                arguments(Named.of("boolean amount", "{\"amount\":true}"), "WRONG_TYPE", "amount"),
                arguments(Named.of("amount beyond a long", "{\"amount\":99999999999999999999}"), "WRONG_TYPE",
                        "amount"),
                arguments(Named.of("array body", "[1500]"), "WRONG_TYPE", "$"),
                arguments(Named.of("missing amount", "{}"), "VALIDATION_FAILED", "amount"),
                arguments(Named.of("null amount", "{\"amount\":null}"), "VALIDATION_FAILED", "amount"),
                arguments(Named.of("zero amount", "{\"amount\":0}"), "VALIDATION_FAILED", "amount"),
                arguments(Named.of("negative amount", "{\"amount\":-5}"), "VALIDATION_FAILED", "amount"),
                arguments(Named.of("amount above the ceiling", "{\"amount\":1000000001}"), "VALIDATION_FAILED",
                        "amount"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void badBodyIs400WithItsCodeAndWritesNothing(String body, String code, String field) {
        String auctionId = fresh("a");
        String bob = fresh("bob");

        Api.Response response = bid(auctionId, bob).header("Idempotency-Key", "k1").json(body).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.json().path("type").asString()).startsWith("urn:gream:problem:");
        if (field != null) {
            assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo(field);
        }
        assertNothingWrittenFor(auctionId, bob);
    }

    @Test
    void amountAtTheCeilingIsAccepted() {
        Api.Response response = bid(fresh("a"), fresh("bob")).header("Idempotency-Key", "k1")
                .json("{\"amount\":1000000000}").send();

        assertThat(response.status()).isEqualTo(202);
    }

    @Test
    void missingOrMalformedIdempotencyKeyIs400() {
        String auctionId = fresh("a");
        String bob = fresh("bob");

        Api.Response missing = bid(auctionId, bob).json("{\"amount\":1500}").send();
        Api.Response malformed = bid(auctionId, bob).header("Idempotency-Key", "white space")
                .json("{\"amount\":1500}").send();
        Api.Response tooLong = bid(auctionId, bob).header("Idempotency-Key", "k".repeat(65))
                .json("{\"amount\":1500}").send();

        for (Api.Response response : new Api.Response[] {missing, malformed, tooLong}) {
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("Idempotency-Key");
        }
        assertNothingWrittenFor(auctionId, bob);
    }

    @Test
    void invalidAuctionIdInThePathIs400() {
        Api.Response response = api.post("/api/auctions/" + "a".repeat(65) + "/bids").as(fresh("bob"))
                .header("Idempotency-Key", "k1").json("{\"amount\":1500}").send();
        Api.Response dotted = api.post("/api/auctions/a.b/bids").as(fresh("bob"))
                .header("Idempotency-Key", "k1").json("{\"amount\":1500}").send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("auctionId");
        assertThat(dotted.status()).isEqualTo(400);
    }

    @Test
    void bodyAboveEightKibIs413AndWritesNothing() {
        String auctionId = fresh("a");
        String bob = fresh("bob");
        String oversized = "{\"amount\":1500,\"pad\":\"" + "x".repeat(8 * 1024) + "\"}";

        Api.Response declared = bid(auctionId, bob).header("Idempotency-Key", "k1").json(oversized).send();
        Api.Response chunked = bid(auctionId, bob).header("Idempotency-Key", "k2").chunkedJson(oversized).send();

        for (Api.Response response : new Api.Response[] {declared, chunked}) {
            assertThat(response.status()).as(response.toString()).isEqualTo(413);
            assertThat(response.code()).isEqualTo("PAYLOAD_TOO_LARGE");
        }
        assertNothingWrittenFor(auctionId, bob);
    }

    @Test
    void chunkedBodyWithinTheLimitIsRead() {
        Api.Response response = bid(fresh("a"), fresh("bob")).header("Idempotency-Key", "k1")
                .chunkedJson("{\"amount\":1500}").send();

        assertThat(response.status()).isEqualTo(202);
    }

    @Test
    void nonJsonMediaTypeIs415() {
        Api.Response response = bid(fresh("a"), fresh("bob")).header("Idempotency-Key", "k1")
                .header("Content-Type", "text/plain").json("{\"amount\":1500}").send();

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void wrongMethodIs405AndUnknownPathIs404() {
        Api.Response wrongMethod = api.get("/api/auctions/" + fresh("a") + "/cancel").as(fresh("bob")).send();
        Api.Response unknownPath = api.get("/api/nothing-here").send();

        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.code()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.code()).isEqualTo("NOT_FOUND");
    }

    private Api.Call bid(String auctionId, String userId) {
        return api.post("/api/auctions/" + auctionId + "/bids").as(userId).header("Prefer", "wait=0");
    }

    private void assertNothingWrittenFor(String auctionId, String userId) {
        String marker = CommandIds.commandId("PlaceBid", userId, auctionId, "marker");
        assertThat(bid(auctionId, userId).header("Idempotency-Key", "marker").json("{\"amount\":1500}").send()
                .status()).isEqualTo(202);
        assertThat(commands.recordsUpTo(auctionId, marker)).hasSize(1);
    }
}
