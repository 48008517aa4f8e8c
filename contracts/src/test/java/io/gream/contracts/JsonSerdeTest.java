package io.gream.contracts;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The wire format of {@code gream.auction-commands} and {@code gream.auction-events}: every record reads back equal
 * to what was written, the JSON has the shape DESIGN.md section 3 names, and anything that is not a well-formed value
 * is a {@link SerializationException} (so Kafka routes it to the dead-letter topic) rather than a half-read record.
 */
class JsonSerdeTest {

    private static final String COMMANDS = Topics.AUCTION_COMMANDS.name();
    private static final String EVENTS = Topics.AUCTION_EVENTS.name();
    private static final Serializer<CommandLogEntry> COMMAND_WRITER = Topics.AUCTION_COMMANDS.valueSerde().serializer();
    private static final Deserializer<CommandLogEntry> COMMAND_READER =
            Topics.AUCTION_COMMANDS.valueSerde().deserializer();
    private static final Serializer<AuctionEvent> EVENT_WRITER = Topics.AUCTION_EVENTS.valueSerde().serializer();
    private static final Deserializer<AuctionEvent> EVENT_READER = Topics.AUCTION_EVENTS.valueSerde().deserializer();

    private static final Instant OPENED_AT = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant BID_AT = Instant.parse("2026-11-22T11:30:15.123Z");
    private static final Instant ENDS_AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final Item VOUCHER = new Item("Starbucks", "Americano Tall", 4_500, LocalDate.parse("2027-01-31"));

    private static final String PLACE_BID_JSON = """
            {"type":"PlaceBid","commandId":"cmd-7","auctionId":"auction-1","bidderId":"alice","amount":1200}""";

    static Stream<CommandLogEntry> commands() {
        return Stream.of(
                new OpenAuction("cmd-1", "auction-1", "seller-1", VOUCHER, 1_000, 100, 2_000L, 5_000L, ENDS_AT, 60),
                new OpenAuction("cmd-2", "auction-2", "seller-1", VOUCHER, 1_000, 100, null, null, ENDS_AT, 0),
                new PlaceBid("cmd-3", "auction-1", "alice", 1_200),
                new PlaceBid("cmd-3b", "auction-1", "alice", 1_200, 5_000L),
                new CancelAuction("cmd-4", "auction-1", "seller-1"),
                new Tick(0),
                new Tick(11));
    }

    static Stream<AuctionEvent> events() {
        return Stream.of(
                new AuctionOpened("auction-1:1", "auction-1", 1, OPENED_AT, "cmd-1", "seller-1", VOUCHER, 1_000, 100,
                        2_000L, 5_000L, ENDS_AT, 60),
                new AuctionOpened("auction-2:1", "auction-2", 1, OPENED_AT, "cmd-2", "seller-1", VOUCHER, 1_000, 100,
                        null, null, ENDS_AT, 0),
                new BidAccepted("auction-1:2", "auction-1", 2, BID_AT, "cmd-3", "alice", 1_000, null, null, 1, 1_100),
                new BidAccepted("auction-1:3", "auction-1", 3, BID_AT, "cmd-5", "bob", 1_100, "alice", 1_000L, 2,
                        1_200),
                new BidAccepted("auction-1:6", "auction-1", 6, BID_AT, "cmd-12", "carol", 1_500, "bob", 1_400L, 3,
                        1_600, true, null),
                new BidRaisedByProxy("auction-1:7", "auction-1", 7, BID_AT, "cmd-12", "bob", 1_600, "carol", 1_500, 3,
                        1_700),
                new BidAccepted("auction-1:8", "auction-1", 8, BID_AT, "cmd-13", "dave", 3_100, "bob", 1_600L, 4,
                        3_200, null, 1_700L),
                new BidRejected("auction-1:cmd:cmd-6", "auction-1", BID_AT, "cmd-6", "carol", 900,
                        RejectionReason.BID_TOO_LOW, 1_200L),
                new BidRejected("auction-9:cmd:cmd-8", "auction-9", BID_AT, "cmd-8", "carol", 900,
                        RejectionReason.AUCTION_NOT_FOUND, null),
                new AuctionExtended("auction-1:4", "auction-1", 4, BID_AT, "cmd-5", ENDS_AT,
                        ENDS_AT.plusSeconds(60)),
                new AuctionClosed("auction-1:5", "auction-1", 5, ENDS_AT, null, "seller-1", VOUCHER, CloseOutcome.SOLD,
                        "bob", 1_100L, 2),
                new AuctionClosed("auction-2:2", "auction-2", 2, ENDS_AT, null, "seller-1", VOUCHER,
                        CloseOutcome.NO_BIDS, null, null, 0),
                new AuctionClosed("auction-3:3", "auction-3", 3, BID_AT, "cmd-9", "seller-1", VOUCHER,
                        CloseOutcome.BUY_NOW, "alice", 5_000L, 1),
                new AuctionCancelled("auction-4:2", "auction-4", 2, BID_AT, "cmd-10", "seller-1"),
                new CommandRejected("auction-1:cmd:cmd-11", "auction-1", BID_AT, "cmd-11", "CancelAuction", "bob",
                        RejectionReason.NOT_SELLER, "only the seller may cancel"));
    }

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode tree(byte[] json) {
        return GreamJson.mapper().readTree(json);
    }

    private static JsonNode tree(String json) {
        return GreamJson.mapper().readTree(json);
    }

    private static List<String> nullValuedPaths(JsonNode node, String path) {
        List<String> found = new ArrayList<>();
        if (node.isNull()) {
            found.add(path);
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                found.addAll(nullValuedPaths(property.getValue(), path + "/" + property.getKey()));
            }
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                found.addAll(nullValuedPaths(node.get(i), path + "/" + i));
            }
        }
        return found;
    }

    @Nested
    class Commands {

        @ParameterizedTest
        @MethodSource("io.gream.contracts.JsonSerdeTest#commands")
        void roundTripsEveryCommandType(CommandLogEntry command) {
            byte[] json = COMMAND_WRITER.serialize(COMMANDS, command);

            assertThat(COMMAND_READER.deserialize(COMMANDS, json)).isEqualTo(command);
        }

        @ParameterizedTest
        @MethodSource("io.gream.contracts.JsonSerdeTest#commands")
        void namesTheRecordInTheTypeProperty(CommandLogEntry command) {
            JsonNode json = tree(COMMAND_WRITER.serialize(COMMANDS, command));

            assertThat(json.get("type").asString()).isEqualTo(command.getClass().getSimpleName());
        }

        @ParameterizedTest
        @MethodSource("io.gream.contracts.JsonSerdeTest#commands")
        void neverWritesNull(CommandLogEntry command) {
            JsonNode json = tree(COMMAND_WRITER.serialize(COMMANDS, command));

            assertThat(nullValuedPaths(json, "")).isEmpty();
        }

        @Test
        void writesAPlaceBidWithExactlyTheContractFields() {
            byte[] json = COMMAND_WRITER.serialize(COMMANDS, new PlaceBid("cmd-7", "auction-1", "alice", 1_200));

            assertThat(tree(json)).isEqualTo(tree(PLACE_BID_JSON));
        }

        @Test
        void writesAnOpenAuctionWithNestedItemIsoInstantAndIsoDate() {
            var open = new OpenAuction("cmd-1", "auction-1", "seller-1", VOUCHER, 1_000, 100, 2_000L, 5_000L,
                    ENDS_AT, 60);

            assertThat(tree(COMMAND_WRITER.serialize(COMMANDS, open))).isEqualTo(tree("""
                    {"type":"OpenAuction","commandId":"cmd-1","auctionId":"auction-1","sellerId":"seller-1",
                     "item":{"brand":"Starbucks","name":"Americano Tall","faceValue":4500,
                             "voucherExpiresOn":"2027-01-31"},
                     "startPrice":1000,"minIncrement":100,"reservePrice":2000,"buyNowPrice":5000,
                     "endsAt":"2026-11-23T10:00:00Z","softCloseSeconds":60}"""));
        }

        @Test
        void omitsAbsentReserveAndBuyNowPrices() {
            var open = new OpenAuction("cmd-2", "auction-2", "seller-1", VOUCHER, 1_000, 100, null, null, ENDS_AT, 0);

            JsonNode json = tree(COMMAND_WRITER.serialize(COMMANDS, open));

            assertThat(json.has("reservePrice")).isFalse();
            assertThat(json.has("buyNowPrice")).isFalse();
            assertThat(json.get("softCloseSeconds").asLong()).isZero();
        }

        @Test
        void writesATickAsItsPartitionOnly() {
            assertThat(tree(COMMAND_WRITER.serialize(COMMANDS, new Tick(3))))
                    .isEqualTo(tree("{\"type\":\"Tick\",\"partition\":3}"));
        }

        @Test
        void doesNotWriteTheDerivedActorId() {
            assertThat(tree(COMMAND_WRITER.serialize(COMMANDS, new CancelAuction("cmd-4", "auction-1", "seller-1")))
                    .propertyNames()).containsExactlyInAnyOrder("type", "commandId", "auctionId", "sellerId");
        }

        @Test
        void writesAProxyBidsMaximumButNotTheDerivedMaximum() {
            JsonNode json = tree(COMMAND_WRITER.serialize(COMMANDS, new PlaceBid("cmd-7", "auction-1", "alice", 1_200,
                    5_000L)));

            assertThat(json.path("maxAmount").asLong()).isEqualTo(5_000);
            assertThat(json.has("maximum")).isFalse();
        }

        @Test
        void readsAPlaceBidWrittenBeforeMaximumsAsAPlainBid() {
            PlaceBid bid = (PlaceBid) COMMAND_READER.deserialize(COMMANDS, utf8(PLACE_BID_JSON));

            assertThat(bid.maxAmount()).isNull();
            assertThat(bid.maximum()).isEqualTo(1_200);
        }

        @Test
        void aMaximumBelowTheAmountIsNotAWellFormedBid() {
            byte[] json = utf8("""
                    {"type":"PlaceBid","commandId":"cmd-7","auctionId":"auction-1","bidderId":"alice","amount":1200,
                     "maxAmount":1199}""");

            assertThatThrownBy(() -> COMMAND_READER.deserialize(COMMANDS, json))
                    .isInstanceOf(SerializationException.class).hasMessageContaining("maxAmount");
        }

        @Test
        void readsAHandWrittenPlaceBid() {
            assertThat(COMMAND_READER.deserialize(COMMANDS, utf8(PLACE_BID_JSON)))
                    .isEqualTo(new PlaceBid("cmd-7", "auction-1", "alice", 1_200));
        }

        @Test
        void readsTheTypePropertyWhereverItIs() {
            String typeLast = """
                    {"commandId":"cmd-7","auctionId":"auction-1","bidderId":"alice","amount":1200,"type":"PlaceBid"}""";

            assertThat(COMMAND_READER.deserialize(COMMANDS, utf8(typeLast)))
                    .isEqualTo(new PlaceBid("cmd-7", "auction-1", "alice", 1_200));
        }

        @Test
        void ignoresUnknownPropertiesForForwardCompatibility() {
            String newer = """
                    {"type":"PlaceBid","commandId":"cmd-7","auctionId":"auction-1","bidderId":"alice","amount":1200,
                     "currency":"KRW","client":{"app":"ios","version":[2,1]},"note":null}""";

            assertThat(COMMAND_READER.deserialize(COMMANDS, utf8(newer)))
                    .isEqualTo(new PlaceBid("cmd-7", "auction-1", "alice", 1_200));
        }

        @Test
        void ignoresUnknownPropertiesInsideTheItem() {
            String newer = """
                    {"type":"OpenAuction","commandId":"cmd-2","auctionId":"auction-2","sellerId":"seller-1",
                     "item":{"brand":"Starbucks","name":"Americano Tall","faceValue":4500,
                             "voucherExpiresOn":"2027-01-31","barcode":"8801234"},
                     "startPrice":1000,"minIncrement":100,"endsAt":"2026-11-23T10:00:00Z","softCloseSeconds":0}""";

            assertThat(COMMAND_READER.deserialize(COMMANDS, utf8(newer))).isEqualTo(
                    new OpenAuction("cmd-2", "auction-2", "seller-1", VOUCHER, 1_000, 100, null, null, ENDS_AT, 0));
        }

        @Test
        void writesNullAsAnAbsentValue() {
            assertThat(COMMAND_WRITER.serialize(COMMANDS, null)).isNull();
        }
    }

    @Nested
    class Events {

        @ParameterizedTest
        @MethodSource("io.gream.contracts.JsonSerdeTest#events")
        void roundTripsEveryEventType(AuctionEvent event) {
            byte[] json = EVENT_WRITER.serialize(EVENTS, event);

            assertThat(EVENT_READER.deserialize(EVENTS, json)).isEqualTo(event);
        }

        @ParameterizedTest
        @MethodSource("io.gream.contracts.JsonSerdeTest#events")
        void namesTheRecordInTheTypePropertyAndCarriesTheCommonFields(AuctionEvent event) {
            JsonNode json = tree(EVENT_WRITER.serialize(EVENTS, event));

            assertThat(json.get("type").asString()).isEqualTo(event.getClass().getSimpleName());
            assertThat(json.get("eventId").asString()).isEqualTo(event.eventId());
            assertThat(json.get("auctionId").asString()).isEqualTo(event.auctionId());
            assertThat(json.get("at").isString()).isTrue();
            assertThat(Instant.parse(json.get("at").asString())).isEqualTo(event.at());
            assertThat(json.has("seq")).isEqualTo(event instanceof SequencedEvent);
        }

        @ParameterizedTest
        @MethodSource("io.gream.contracts.JsonSerdeTest#events")
        void neverWritesNullAndNeverWritesDerivedProperties(AuctionEvent event) {
            JsonNode json = tree(EVENT_WRITER.serialize(EVENTS, event));

            assertThat(nullValuedPaths(json, "")).isEmpty();
            assertThat(json.has("accepted")).isFalse();
        }

        @Test
        void writesInstantsAsIsoStringsWithMilliseconds() {
            var extended = new AuctionExtended("auction-1:4", "auction-1", 4, BID_AT, "cmd-5", ENDS_AT,
                    Instant.parse("2026-11-23T10:01:00.250Z"));

            assertThat(tree(EVENT_WRITER.serialize(EVENTS, extended))).isEqualTo(tree("""
                    {"type":"AuctionExtended","eventId":"auction-1:4","auctionId":"auction-1","seq":4,
                     "at":"2026-11-22T11:30:15.123Z","commandId":"cmd-5",
                     "previousEndsAt":"2026-11-23T10:00:00Z","endsAt":"2026-11-23T10:01:00.250Z"}"""));
        }

        @Test
        void writesAProxyRaiseWithExactlyItsContractFields() {
            var raise = new BidRaisedByProxy("auction-1:7", "auction-1", 7, BID_AT, "cmd-12", "bob", 1_600, "carol",
                    1_500, 3, 1_700);

            assertThat(tree(EVENT_WRITER.serialize(EVENTS, raise))).isEqualTo(tree("""
                    {"type":"BidRaisedByProxy","eventId":"auction-1:7","auctionId":"auction-1","seq":7,
                     "at":"2026-11-22T11:30:15.123Z","commandId":"cmd-12","bidderId":"bob","amount":1600,
                     "previousLeaderId":"carol","previousAmount":1500,"bidCount":3,"minNextBid":1700}"""));
        }

        @Test
        void neverWritesTheDerivedLeadsOrOfferedOfABid() {
            var outbid = new BidAccepted("auction-1:6", "auction-1", 6, BID_AT, "cmd-12", "carol", 1_500, "bob",
                    1_400L, 3, 1_600, true, null);

            JsonNode json = tree(EVENT_WRITER.serialize(EVENTS, outbid));

            assertThat(json.path("outbidByProxy").asBoolean()).isTrue();
            assertThat(json.has("leads")).isFalse();
            assertThat(json.has("offered")).isFalse();
            assertThat(json.has("offeredAmount")).isFalse();
        }

        @Test
        void writesAFirstBidWithoutPreviousLeader() {
            var first = new BidAccepted("auction-1:2", "auction-1", 2, BID_AT, "cmd-3", "alice", 1_000, null, null, 1,
                    1_100);

            assertThat(tree(EVENT_WRITER.serialize(EVENTS, first))).isEqualTo(tree("""
                    {"type":"BidAccepted","eventId":"auction-1:2","auctionId":"auction-1","seq":2,
                     "at":"2026-11-22T11:30:15.123Z","commandId":"cmd-3","bidderId":"alice","amount":1000,
                     "bidCount":1,"minNextBid":1100}"""));
        }

        @Test
        void writesAnAuctionClosedWithoutWinnerPriceOrCommand() {
            var noBids = new AuctionClosed("auction-2:2", "auction-2", 2, ENDS_AT, null, "seller-1", VOUCHER,
                    CloseOutcome.NO_BIDS, null, null, 0);

            assertThat(tree(EVENT_WRITER.serialize(EVENTS, noBids))).isEqualTo(tree("""
                    {"type":"AuctionClosed","eventId":"auction-2:2","auctionId":"auction-2","seq":2,
                     "at":"2026-11-23T10:00:00Z","sellerId":"seller-1",
                     "item":{"brand":"Starbucks","name":"Americano Tall","faceValue":4500,
                             "voucherExpiresOn":"2027-01-31"},
                     "outcome":"NO_BIDS","bidCount":0}"""));
        }

        @Test
        void writesARejectionWithoutSeqOrMinNextBidWhenAbsent() {
            var rejected = new BidRejected("auction-9:cmd:cmd-8", "auction-9", BID_AT, "cmd-8", "carol", 900,
                    RejectionReason.AUCTION_NOT_FOUND, null);

            assertThat(tree(EVENT_WRITER.serialize(EVENTS, rejected))).isEqualTo(tree("""
                    {"type":"BidRejected","eventId":"auction-9:cmd:cmd-8","auctionId":"auction-9",
                     "at":"2026-11-22T11:30:15.123Z","commandId":"cmd-8","bidderId":"carol","amount":900,
                     "reason":"AUCTION_NOT_FOUND"}"""));
        }

        @Test
        void ignoresUnknownPropertiesForForwardCompatibility() {
            String newer = """
                    {"type":"AuctionCancelled","eventId":"auction-4:2","auctionId":"auction-4","seq":2,
                     "at":"2026-11-22T11:30:15.123Z","commandId":"cmd-10","sellerId":"seller-1",
                     "reasonText":"changed my mind","audit":{"ip":"10.0.0.1"}}""";

            assertThat(EVENT_READER.deserialize(EVENTS, utf8(newer)))
                    .isEqualTo(new AuctionCancelled("auction-4:2", "auction-4", 2, BID_AT, "cmd-10", "seller-1"));
        }
    }

    @Nested
    class Rejects {

        @Test
        void rejectsUnknownType() {
            String json = PLACE_BID_JSON.replace("\"PlaceBid\"", "\"PlaceOffer\"");

            assertThatThrownBy(() -> COMMAND_READER.deserialize(COMMANDS, utf8(json)))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining(COMMANDS);
        }

        @Test
        void rejectsUnknownEventType() {
            String json = """
                    {"type":"AuctionPaused","eventId":"auction-1:9","auctionId":"auction-1",
                     "at":"2026-11-22T10:00:00Z"}""";

            assertThatThrownBy(() -> EVENT_READER.deserialize(EVENTS, utf8(json)))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining(EVENTS);
        }

        @Test
        void rejectsTypeNamesInAnotherCase() {
            String json = PLACE_BID_JSON.replace("\"PlaceBid\"", "\"placeBid\"");

            assertThatThrownBy(() -> COMMAND_READER.deserialize(COMMANDS, utf8(json)))
                    .isInstanceOf(SerializationException.class);
        }

        @Test
        void rejectsAnEventOnTheCommandTopic() {
            byte[] event = EVENT_WRITER.serialize(EVENTS, new AuctionCancelled("auction-4:2", "auction-4", 2, BID_AT,
                    "cmd-10", "seller-1"));

            assertThatThrownBy(() -> COMMAND_READER.deserialize(COMMANDS, event))
                    .isInstanceOf(SerializationException.class);
        }

        @Test
        void rejectsACommandOnTheEventTopic() {
            assertThatThrownBy(() -> EVENT_READER.deserialize(EVENTS, utf8(PLACE_BID_JSON)))
                    .isInstanceOf(SerializationException.class);
        }

        @Test
        void rejectsMissingType() {
            String json = """
                    {"commandId":"cmd-7","auctionId":"auction-1","bidderId":"alice","amount":1200}""";

            assertThatThrownBy(() -> COMMAND_READER.deserialize(COMMANDS, utf8(json)))
                    .isInstanceOf(SerializationException.class);
        }

        @Test
        void rejectsMissingEventType() {
            String json = """
                    {"eventId":"auction-4:2","auctionId":"auction-4","seq":2,"at":"2026-11-22T11:30:15.123Z",
                     "commandId":"cmd-10","sellerId":"seller-1"}""";

            assertThatThrownBy(() -> EVENT_READER.deserialize(EVENTS, utf8(json)))
                    .isInstanceOf(SerializationException.class);
        }

        @Test
        void rejectsNullOrNonStringType() {
            assertThatThrownBy(() -> COMMAND_READER.deserialize(COMMANDS,
                    utf8("{\"type\":null,\"partition\":1}"))).isInstanceOf(SerializationException.class);
            assertThatThrownBy(() -> COMMAND_READER.deserialize(COMMANDS,
                    utf8("{\"type\":4,\"partition\":1}"))).isInstanceOf(SerializationException.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "not json",
                "{\"type\":\"PlaceBid\",",
                "{\"type\":\"PlaceBid\" \"commandId\":\"cmd-7\"}",
                "{'type':'Tick','partition':1}",
                "[]",
                "42",
                "\"PlaceBid\"",
                "   "
        })
        void rejectsMalformedJson(String json) {
            assertThatThrownBy(() -> COMMAND_READER.deserialize(COMMANDS, utf8(json)))
                    .isInstanceOf(SerializationException.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {" x", " {}", "}", ",", " null", "{\"type\":\"Tick\",\"partition\":2}"})
        void rejectsTrailingGarbage(String garbage) {
            byte[] json = utf8(PLACE_BID_JSON + garbage);

            assertThatThrownBy(() -> COMMAND_READER.deserialize(COMMANDS, json))
                    .isInstanceOf(SerializationException.class);
        }

        @Test
        void acceptsTrailingWhitespace() {
            assertThat(COMMAND_READER.deserialize(COMMANDS, utf8(PLACE_BID_JSON + " \n")))
                    .isEqualTo(new PlaceBid("cmd-7", "auction-1", "alice", 1_200));
        }

        @Test
        void rejectsAnEmptyPayload() {
            assertThatThrownBy(() -> COMMAND_READER.deserialize(COMMANDS, new byte[0]))
                    .isInstanceOf(SerializationException.class);
            assertThatThrownBy(() -> EVENT_READER.deserialize(EVENTS, new byte[0]))
                    .isInstanceOf(SerializationException.class);
        }

        @Test
        void rejectsAnAbsentPayload() {
            assertThatThrownBy(() -> COMMAND_READER.deserialize(COMMANDS, null))
                    .isInstanceOf(SerializationException.class);
            assertThatThrownBy(() -> EVENT_READER.deserialize(EVENTS, null))
                    .isInstanceOf(SerializationException.class);
        }

        @Test
        void rejectsAJsonNullPayload() {
            assertThatThrownBy(() -> COMMAND_READER.deserialize(COMMANDS, utf8("null")))
                    .isInstanceOf(SerializationException.class);
            assertThatThrownBy(() -> EVENT_READER.deserialize(EVENTS, utf8("null")))
                    .isInstanceOf(SerializationException.class);
        }

        @Test
        void rejectsAPlaceBidWithoutAmount() {
            String json = """
                    {"type":"PlaceBid","commandId":"cmd-7","auctionId":"auction-1","bidderId":"alice"}""";

            assertThatThrownBy(() -> COMMAND_READER.deserialize(COMMANDS, utf8(json)))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("amount");
        }

        @Test
        void rejectsAPlaceBidWithNullAmount() {
            String json = PLACE_BID_JSON.replace("1200", "null");

            assertThatThrownBy(() -> COMMAND_READER.deserialize(COMMANDS, utf8(json)))
                    .isInstanceOf(SerializationException.class);
        }

        @Test
        void rejectsAPlaceBidWithANonNumericAmount() {
            assertThatThrownBy(() -> COMMAND_READER.deserialize(COMMANDS, utf8(PLACE_BID_JSON.replace("1200", "true"))))
                    .isInstanceOf(SerializationException.class);
            assertThatThrownBy(() -> COMMAND_READER.deserialize(COMMANDS, utf8(PLACE_BID_JSON.replace("1200", "{}"))))
                    .isInstanceOf(SerializationException.class);
        }

        @Test
        void rejectsAPlaceBidWithAnAmountBeyondLong() {
            String json = PLACE_BID_JSON.replace("1200", "9223372036854775808");

            assertThatThrownBy(() -> COMMAND_READER.deserialize(COMMANDS, utf8(json)))
                    .isInstanceOf(SerializationException.class);
        }

        @Test
        void rejectsAPlaceBidWithAFractionalAmount() {
            String json = PLACE_BID_JSON.replace("1200", "1200.9");

            assertThatThrownBy(() -> COMMAND_READER.deserialize(COMMANDS, utf8(json)))
                    .isInstanceOf(SerializationException.class);
        }

        @Test
        void rejectsAPlaceBidWhoseAmountIsAString() {
            String json = PLACE_BID_JSON.replace("1200", "\"1200\"");

            assertThatThrownBy(() -> COMMAND_READER.deserialize(COMMANDS, utf8(json)))
                    .isInstanceOf(SerializationException.class);
        }

        @Test
        void rejectsAPlaceBidWithTheAmountGivenTwice() {
            String json = PLACE_BID_JSON.replace("1200", "100,\"amount\":5");

            assertThatThrownBy(() -> COMMAND_READER.deserialize(COMMANDS, utf8(json)))
                    .isInstanceOf(SerializationException.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "\\t"})
        void rejectsAPlaceBidWithBlankBidder(String bidderId) {
            String json = PLACE_BID_JSON.replace("\"alice\"", "\"" + bidderId + "\"");

            assertThatThrownBy(() -> COMMAND_READER.deserialize(COMMANDS, utf8(json)))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("bidderId");
        }

        @Test
        void rejectsAPlaceBidWithoutBidder() {
            String json = """
                    {"type":"PlaceBid","commandId":"cmd-7","auctionId":"auction-1","amount":1200}""";

            assertThatThrownBy(() -> COMMAND_READER.deserialize(COMMANDS, utf8(json)))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("bidderId");
        }

        @Test
        void rejectsACommandWithBlankIds() {
            assertThatThrownBy(() -> COMMAND_READER.deserialize(COMMANDS,
                    utf8(PLACE_BID_JSON.replace("\"cmd-7\"", "\"\"")))).isInstanceOf(SerializationException.class);
            assertThatThrownBy(() -> COMMAND_READER.deserialize(COMMANDS,
                    utf8(PLACE_BID_JSON.replace("\"auction-1\"", "\" \"")))).isInstanceOf(SerializationException.class);
        }

        @Test
        void rejectsAnOpenAuctionWithoutEndsAtOrItem() {
            String withoutEnd = """
                    {"type":"OpenAuction","commandId":"cmd-2","auctionId":"auction-2","sellerId":"seller-1",
                     "item":{"brand":"Starbucks","name":"Americano Tall","faceValue":4500,
                             "voucherExpiresOn":"2027-01-31"},
                     "startPrice":1000,"minIncrement":100,"softCloseSeconds":0}""";
            String withoutItem = """
                    {"type":"OpenAuction","commandId":"cmd-2","auctionId":"auction-2","sellerId":"seller-1",
                     "startPrice":1000,"minIncrement":100,"endsAt":"2026-11-23T10:00:00Z","softCloseSeconds":0}""";

            assertThatThrownBy(() -> COMMAND_READER.deserialize(COMMANDS, utf8(withoutEnd)))
                    .isInstanceOf(SerializationException.class);
            assertThatThrownBy(() -> COMMAND_READER.deserialize(COMMANDS, utf8(withoutItem)))
                    .isInstanceOf(SerializationException.class);
        }

        @Test
        void rejectsAnOpenAuctionWithoutStartPrice() {
            String json = """
                    {"type":"OpenAuction","commandId":"cmd-2","auctionId":"auction-2","sellerId":"seller-1",
                     "item":{"brand":"Starbucks","name":"Americano Tall","faceValue":4500,
                             "voucherExpiresOn":"2027-01-31"},
                     "minIncrement":100,"endsAt":"2026-11-23T10:00:00Z","softCloseSeconds":0}""";

            assertThatThrownBy(() -> COMMAND_READER.deserialize(COMMANDS, utf8(json)))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("startPrice");
        }

        @Test
        void rejectsAnItemWithBlankBrandOrMalformedExpiry() {
            String blankBrand = """
                    {"type":"OpenAuction","commandId":"cmd-2","auctionId":"auction-2","sellerId":"seller-1",
                     "item":{"brand":"","name":"Americano Tall","faceValue":4500,"voucherExpiresOn":"2027-01-31"},
                     "startPrice":1000,"minIncrement":100,"endsAt":"2026-11-23T10:00:00Z","softCloseSeconds":0}""";
            String badDate = blankBrand.replace("\"brand\":\"\"", "\"brand\":\"Starbucks\"")
                    .replace("2027-01-31", "2027-02-30");

            assertThatThrownBy(() -> COMMAND_READER.deserialize(COMMANDS, utf8(blankBrand)))
                    .isInstanceOf(SerializationException.class);
            assertThatThrownBy(() -> COMMAND_READER.deserialize(COMMANDS, utf8(badDate)))
                    .isInstanceOf(SerializationException.class);
        }

        @Test
        void rejectsAMalformedInstant() {
            String json = """
                    {"type":"OpenAuction","commandId":"cmd-2","auctionId":"auction-2","sellerId":"seller-1",
                     "item":{"brand":"Starbucks","name":"Americano Tall","faceValue":4500,
                             "voucherExpiresOn":"2027-01-31"},
                     "startPrice":1000,"minIncrement":100,"endsAt":"tomorrow","softCloseSeconds":0}""";

            assertThatThrownBy(() -> COMMAND_READER.deserialize(COMMANDS, utf8(json)))
                    .isInstanceOf(SerializationException.class);
        }

        @Test
        void rejectsATickWithNegativePartition() {
            assertThatThrownBy(() -> COMMAND_READER.deserialize(COMMANDS, utf8("{\"type\":\"Tick\",\"partition\":-1}")))
                    .isInstanceOf(SerializationException.class);
        }

        @Test
        void rejectsAnEventWithAnUnknownEnumConstant() {
            String json = """
                    {"type":"BidRejected","eventId":"auction-9:cmd:cmd-8","auctionId":"auction-9",
                     "at":"2026-11-22T11:30:15.123Z","commandId":"cmd-8","bidderId":"carol","amount":900,
                     "reason":"TOO_EXPENSIVE"}""";

            assertThatThrownBy(() -> EVENT_READER.deserialize(EVENTS, utf8(json)))
                    .isInstanceOf(SerializationException.class);
        }
    }

    @Nested
    class SettlementEvents {

        private static final String SETTLEMENTS = Topics.SETTLEMENT_EVENTS.name();
        private static final Serializer<SettlementEvent> WRITER = Topics.SETTLEMENT_EVENTS.valueSerde().serializer();
        private static final Deserializer<SettlementEvent> READER =
                Topics.SETTLEMENT_EVENTS.valueSerde().deserializer();

        static Stream<SettlementEvent> settlements() {
            return Stream.of(
                    new SettlementCompleted("auction-1:settlement", "auction-1", BID_AT, "auction-1:5", "bob",
                            "seller-1", 12_000, 600, 11_400, "KRW", "pay-auction-1"),
                    new SettlementFailed("auction-2:settlement", "auction-2", BID_AT, "auction-2:3", "carol",
                            "seller-1", 9_000, "KRW", "CARD_DECLINED", "The card was declined"),
                    new SecondChanceOffered("auction-2:second-chance:offered", "auction-2", BID_AT, "cmd-20",
                            "seller-1", "dave", 8_500, "KRW", "auction-2:2", "auction-2:settlement",
                            BID_AT.plusSeconds(172_800)),
                    new SecondChanceCompleted("auction-2:second-chance:outcome", "auction-2", BID_AT, "cmd-21",
                            "seller-1", "dave", 8_500, 850, 7_650, "KRW", "pay-auction-2"),
                    new SecondChanceFailed("auction-2:second-chance:outcome", "auction-2", BID_AT, "cmd-21",
                            "seller-1", "dave", 8_500, "KRW", "CARD_DECLINED", "The card was declined"),
                    new SecondChanceDeclined("auction-2:second-chance:outcome", "auction-2", BID_AT, "cmd-21",
                            "seller-1", "dave", 8_500, "KRW"),
                    new SecondChanceExpired("auction-2:second-chance:outcome", "auction-2", BID_AT, "seller-1",
                            "dave", 8_500, "KRW"),
                    new SecondChanceRejected("auction-2:second-chance:cmd:cmd-22", "auction-2", BID_AT, "cmd-22",
                            "AcceptSecondChance", "erin", SecondChanceRejected.Reason.NOT_RUNNER_UP,
                            "only the runner-up may answer the offer"));
        }

        static Stream<SecondChanceCommand> secondChanceCommands() {
            return Stream.of(new OfferSecondChance("cmd-20", "auction-2", "seller-1"),
                    new AcceptSecondChance("cmd-21", "auction-2", "dave"),
                    new DeclineSecondChance("cmd-22", "auction-2", "dave"));
        }

        @ParameterizedTest
        @MethodSource("secondChanceCommands")
        void roundTripsEverySecondChanceCommandWithoutTheDerivedActor(SecondChanceCommand command) {
            String topic = Topics.SETTLEMENT_COMMANDS.name();
            byte[] json = Topics.SETTLEMENT_COMMANDS.valueSerde().serializer().serialize(topic, command);

            assertThat(Topics.SETTLEMENT_COMMANDS.valueSerde().deserializer().deserialize(topic, json))
                    .isEqualTo(command);
            assertThat(tree(json).get("type").asString()).isEqualTo(command.getClass().getSimpleName());
            assertThat(tree(json).has("actorId")).isFalse();
        }

        @ParameterizedTest
        @MethodSource("settlements")
        void roundTripsEverySettlementType(SettlementEvent event) {
            byte[] json = WRITER.serialize(SETTLEMENTS, event);

            assertThat(READER.deserialize(SETTLEMENTS, json)).isEqualTo(event);
            assertThat(tree(json).get("type").asString()).isEqualTo(event.getClass().getSimpleName());
            assertThat(nullValuedPaths(tree(json), "")).isEmpty();
        }

        @Test
        void namesOneSettlementPerAuction() {
            assertThat(SettlementEvent.eventId("auction-1")).isEqualTo("auction-1:settlement");
        }

        @Test
        void rejectsAnAuctionEventOnTheSettlementTopic() {
            byte[] event = EVENT_WRITER.serialize(EVENTS, new AuctionCancelled("auction-4:2", "auction-4", 2, BID_AT,
                    "cmd-10", "seller-1"));

            assertThatThrownBy(() -> READER.deserialize(SETTLEMENTS, event))
                    .isInstanceOf(SerializationException.class);
        }
    }

    @Nested
    class TopicCatalog {

        @Test
        void namesTheTopicsOfTheDesign() {
            assertThat(Topics.AUCTION_COMMANDS.name()).isEqualTo("gream.auction-commands");
            assertThat(Topics.AUCTION_EVENTS.name()).isEqualTo("gream.auction-events");
            assertThat(Topics.SETTLEMENT_EVENTS.name()).isEqualTo("gream.settlement-events");
            assertThat(Topics.SETTLEMENT_COMMANDS.name()).isEqualTo("gream.settlement-commands");
            assertThat(Topics.DEAD_LETTERS.name()).isEqualTo("gream.dead-letters");
        }

        @Test
        void stampsCommandsWithTheBrokersClock() {
            assertThat(Topics.AUCTION_COMMANDS.configs()).containsEntry("message.timestamp.type", "LogAppendTime");
            assertThat(Topics.SETTLEMENT_COMMANDS.configs()).containsEntry("message.timestamp.type", "LogAppendTime");
        }

        @Test
        void keysAreAuctionIdStrings() {
            byte[] key = Topics.AUCTION_COMMANDS.keySerde().serializer().serialize(COMMANDS, "auction-1");

            assertThat(new String(key, StandardCharsets.UTF_8)).isEqualTo("auction-1");
            assertThat(Topics.AUCTION_EVENTS.keySerde().deserializer().deserialize(EVENTS, key))
                    .isEqualTo("auction-1");
        }
    }
}
