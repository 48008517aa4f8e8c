package io.gream.engine.topology;

import io.gream.contracts.AuctionCancelled;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.AuctionOpened;
import io.gream.contracts.BidAccepted;
import io.gream.contracts.BidHistoryEntry;
import io.gream.contracts.BidRejected;
import io.gream.contracts.CloseOutcome;
import io.gream.contracts.CommandOutcome;
import io.gream.contracts.CommandRejected;
import io.gream.contracts.Item;
import io.gream.contracts.JsonSerde;
import io.gream.contracts.RejectionReason;
import io.gream.contracts.SequencedEvent;
import io.gream.engine.auction.Auction;
import io.gream.engine.auction.AuctionTerms;
import io.gream.engine.auction.Bid;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link StoreCodec} round-trips every state the stores hold, reads the JSON earlier engines stored, and refuses
 * what it cannot read. Generated values run over the fixed seeds 1..300, so a failure names the seed that
 * reproduces it.
 */
class StoreCodecTest {

    private static final String STORE = "gream-bid-engine-auction-store-changelog";
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 300);
    }

    @Nested
    class Auctions {

        @ParameterizedTest(name = "seed {0}")
        @MethodSource("io.gream.engine.topology.StoreCodecTest#seeds")
        void everyAuctionStateReadsBackEqual(long seed) {
            Auction auction = new Generator(seed).auction();

            byte[] bytes = StoreCodec.AUCTION.serializer().serialize(STORE, auction);

            assertThat(bytes[0]).as("format version first").isEqualTo(StoreCodec.VERSION);
            assertThat(StoreCodec.AUCTION.deserializer().deserialize(STORE, bytes)).isEqualTo(auction);
        }

        @ParameterizedTest(name = "seed {0}")
        @MethodSource("io.gream.engine.topology.StoreCodecTest#seeds")
        void readsTheJsonEarlierEnginesStored(long seed) {
            Auction auction = new Generator(seed).auction();
            byte[] json = new JsonSerde<>(Auction.class).serialize(STORE, auction);

            Auction read = StoreCodec.AUCTION.deserializer().deserialize(STORE, json);

            assertThat(read).isEqualTo(auction);
            assertThat(StoreCodec.AUCTION.serializer().serialize(STORE, read)[0])
                    .as("written back in the binary form").isEqualTo(StoreCodec.VERSION);
        }

        @Test
        void isAFractionOfItsJsonSize() {
            Auction auction = new Generator(7).open(true);
            int binary = StoreCodec.AUCTION.serializer().serialize(STORE, auction).length;
            int json = new JsonSerde<>(Auction.class).serialize(STORE, auction).length;

            assertThat(binary).isLessThan(json * 2 / 3);
        }
    }

    @Nested
    class Outcomes {

        @ParameterizedTest(name = "seed {0}")
        @MethodSource("io.gream.engine.topology.StoreCodecTest#seeds")
        void everyOutcomeTypeReadsBackEqual(long seed) {
            Generator generate = new Generator(seed);
            for (CommandOutcome outcome : generate.outcomes()) {
                byte[] bytes = StoreCodec.OUTCOME.serializer().serialize(STORE, outcome);

                assertThat(bytes[0]).as("format version first").isEqualTo(StoreCodec.VERSION);
                assertThat(StoreCodec.OUTCOME.deserializer().deserialize(STORE, bytes))
                        .as("the same payload, eventId included").isEqualTo(outcome);
            }
        }

        @ParameterizedTest(name = "seed {0}")
        @MethodSource("io.gream.engine.topology.StoreCodecTest#seeds")
        void readsTheJsonEarlierEnginesStored(long seed) {
            for (CommandOutcome outcome : new Generator(seed).outcomes()) {
                byte[] json = new JsonSerde<>(AuctionEvent.class).serialize(STORE, outcome);

                assertThat(StoreCodec.OUTCOME.deserializer().deserialize(STORE, json)).isEqualTo(outcome);
            }
        }

        @Test
        void refusesAnEventIdThatIsNotDerivedFromItsFields() {
            BidRejected odd = new BidRejected("something-else", "a-1", T0, "c-1", "bob", 1_000,
                    RejectionReason.BID_TOO_LOW, 1_100L);

            assertThatThrownBy(() -> StoreCodec.OUTCOME.serializer().serialize(STORE, odd))
                    .isInstanceOf(SerializationException.class).hasMessageContaining("eventId");
        }
    }

    @Nested
    class ProxyBidding {

        @Test
        void aLeadersSecretMaximumReadsBack() {
            Auction auction = new Auction.Open(new Generator(7).open(false).terms(), 4, T0.plusSeconds(600),
                    new Bid("alice", 2_100, T0, "c-2", 5_000L), 2);

            byte[] bytes = StoreCodec.AUCTION.serializer().serialize(STORE, auction);

            assertThat(StoreCodec.AUCTION.deserializer().deserialize(STORE, bytes)).isEqualTo(auction);
        }

        @Test
        void readsAVersionOneAuctionAsALeaderWithoutAMaximum() {
            Auction plain = new Auction.Open(new Generator(8).open(false).terms(), 2, T0.plusSeconds(600),
                    new Bid("bob", 1_000, T0, "c-2"), 1);
            byte[] v2 = StoreCodec.AUCTION.serializer().serialize(STORE, plain);
            // Version 1 had no maximum: drop its absent-presence byte, just before the bid count.
            byte[] v1 = new byte[v2.length - 1];
            System.arraycopy(v2, 0, v1, 0, v2.length - 9);
            System.arraycopy(v2, v2.length - 8, v1, v2.length - 9, 8);
            v1[0] = 1;

            assertThat(StoreCodec.AUCTION.deserializer().deserialize(STORE, v1)).isEqualTo(plain);
        }

        @Test
        void readsAVersionOneBidAcceptedWithoutTheProxyFields() {
            BidAccepted plain = new BidAccepted("a-1:3", "a-1", 3, T0, "c-3", "bob", 1_300, "alice", 1_200L, 2, 1_400);
            byte[] v2 = StoreCodec.OUTCOME.serializer().serialize(STORE, plain);
            byte[] v1 = Arrays.copyOf(v2, v2.length - 2); // version 1 ended at minNextBid
            v1[0] = 1;

            assertThat(StoreCodec.OUTCOME.deserializer().deserialize(STORE, v1)).isEqualTo(plain);
        }

        @Test
        void bidHistoryEntriesReadBack() {
            for (BidHistoryEntry entry : List.of(new BidHistoryEntry(4, T0.plusNanos(1), "alice", 2_100, true, false),
                    new BidHistoryEntry(3, T0, "밥", 2_000, false, true))) {
                byte[] bytes = StoreCodec.HISTORY.serializer().serialize(STORE, entry);

                assertThat(bytes[0]).isEqualTo(StoreCodec.VERSION);
                assertThat(StoreCodec.HISTORY.deserializer().deserialize(STORE, bytes)).isEqualTo(entry);
            }
        }
    }

    @Nested
    class Refusals {

        @Test
        void anUnknownFormatVersionFailsLoudly() {
            byte[] bytes = StoreCodec.AUCTION.serializer().serialize(STORE, new Generator(1).auction());
            bytes[0] = (byte) (StoreCodec.VERSION + 1);

            assertThatThrownBy(() -> StoreCodec.AUCTION.deserializer().deserialize(STORE, bytes))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("format version " + (StoreCodec.VERSION + 1));
        }

        @Test
        void aTruncatedValueFailsLoudly() {
            byte[] bytes = StoreCodec.OUTCOME.serializer().serialize(STORE, new Generator(1).outcomes().get(1));

            assertThatThrownBy(() -> StoreCodec.OUTCOME.deserializer().deserialize(STORE,
                    Arrays.copyOf(bytes, bytes.length - 3))).isInstanceOf(SerializationException.class);
        }

        @Test
        void trailingBytesFailLoudly() {
            byte[] bytes = StoreCodec.AUCTION.serializer().serialize(STORE, new Generator(1).auction());

            assertThatThrownBy(() -> StoreCodec.AUCTION.deserializer().deserialize(STORE,
                    Arrays.copyOf(bytes, bytes.length + 1))).isInstanceOf(SerializationException.class)
                    .hasMessageContaining("left over");
        }

        @Test
        void anEmptyValueFailsLoudly() {
            assertThatThrownBy(() -> StoreCodec.OUTCOME.deserializer().deserialize(STORE, new byte[0]))
                    .isInstanceOf(SerializationException.class);
        }

        @Test
        void storedJsonThatIsNotAnOutcomeFailsLoudly() {
            byte[] closed = ("{\"type\":\"AuctionExtended\",\"eventId\":\"a-1:3\",\"auctionId\":\"a-1\",\"seq\":3,"
                    + "\"at\":\"2026-11-22T10:00:00Z\",\"commandId\":\"c-1\",\"previousEndsAt\":\"2026-11-22T10:01:00Z\","
                    + "\"endsAt\":\"2026-11-22T10:02:00Z\"}").getBytes(StandardCharsets.UTF_8);

            assertThatThrownBy(() -> StoreCodec.OUTCOME.deserializer().deserialize(STORE, closed))
                    .isInstanceOf(SerializationException.class).hasMessageContaining("not a command outcome");
        }
    }

    /** Random values over every optional field, with non-ASCII text and instants that are not whole millis. */
    private static final class Generator {

        private final Random random;

        Generator(long seed) {
            this.random = new Random(seed);
        }

        Auction auction() {
            return switch (random.nextInt(3)) {
                case 0 -> open(random.nextBoolean());
                case 1 -> closed();
                default -> new Auction.Cancelled(terms(), seq(), instant(), instant());
            };
        }

        Auction.Open open(boolean withLeader) {
            return new Auction.Open(terms(), seq(), instant(), withLeader ? bid() : null, withLeader ? seq() : 0);
        }

        private Auction.Closed closed() {
            CloseOutcome outcome = CloseOutcome.values()[random.nextInt(CloseOutcome.values().length)];
            Bid leader = outcome == CloseOutcome.NO_BIDS ? null : bid();
            return new Auction.Closed(terms(), seq(), instant(), leader, leader == null ? 0 : seq(), outcome,
                    outcome.hasWinner() ? amount() : null, instant());
        }

        /** One of each outcome type the decided-command store holds. */
        List<CommandOutcome> outcomes() {
            String auctionId = text();
            String opening = text();
            long seq = seq();
            String bid = text();
            String refused = text();
            String cancel = text();
            String rejected = text();
            RejectionReason reason = RejectionReason.values()[random.nextInt(RejectionReason.values().length)];
            return List.of(
                    new AuctionOpened(SequencedEvent.eventId(auctionId, 1), auctionId, 1, instant(), opening, text(),
                            item(), amount(), amount(), maybe(amount()), maybe(amount()), instant(),
                            random.nextInt(600)),
                    new BidAccepted(SequencedEvent.eventId(auctionId, seq), auctionId, seq, instant(), bid, text(),
                            amount(), maybe(text()), maybe(amount()), seq(), amount(), maybe(Boolean.TRUE),
                            maybe(amount())),
                    new BidRejected(CommandOutcome.rejectionEventId(auctionId, refused), auctionId, instant(),
                            refused, text(), amount(), reason, maybe(amount())),
                    new AuctionCancelled(SequencedEvent.eventId(auctionId, seq + 1), auctionId, seq + 1, instant(),
                            cancel, text()),
                    new CommandRejected(CommandOutcome.rejectionEventId(auctionId, rejected), auctionId, instant(),
                            rejected, random.nextBoolean() ? "OpenAuction" : "CancelAuction", text(), reason,
                            maybe(text())));
        }

        private AuctionTerms terms() {
            return new AuctionTerms(text(), text(), item(), amount(), amount(), maybe(amount()), maybe(amount()),
                    random.nextInt(3_600), instant());
        }

        private Bid bid() {
            return new Bid(text(), amount(), instant(), text(), maybe(amount()));
        }

        private Item item() {
            return new Item(text(), text(), amount(), LocalDate.ofEpochDay(19_000 + random.nextInt(3_000)));
        }

        private String text() {
            String[] parts = {"a", "bob", "스타벅스", "아메리카노 Tall", "c-", "e\u0301", "🎁", "0", "-", " "};
            StringBuilder text = new StringBuilder("x");
            for (int i = random.nextInt(6); i > 0; i--) {
                text.append(parts[random.nextInt(parts.length)]);
            }
            return text.append(random.nextInt(100_000)).toString();
        }

        private long amount() {
            return random.nextBoolean() ? 1 + random.nextInt(100_000) : 1 + (random.nextLong() >>> 1);
        }

        private long seq() {
            return 1 + random.nextInt(10_000);
        }

        private Instant instant() {
            Instant at = T0.plusMillis(random.nextInt(86_400_000));
            return random.nextBoolean() ? at : at.plusNanos(random.nextInt(1_000_000));
        }

        private <T> T maybe(T value) {
            return random.nextBoolean() ? value : null;
        }
    }
}
