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
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * The binary form of the engine's state-store values: {@link Auction}s, the decided {@link CommandOutcome}s and
 * the {@link BidHistoryEntry}s of the bid history.
 * The engine reads and writes them for every command, and JSON cost more than deciding; public topics stay JSON.
 *
 * <p>A value is a format-version byte, a kind byte, then the fields in declaration order, {@code DataOutput}-style:
 * numbers big-endian, strings as a varint length and UTF-8, nullable fields behind a presence byte, enums by name,
 * instants as seconds and nanos; {@code eventId} is derived from the other fields, so it is not stored.
 *
 * <p>Adding a field (say a nullable one to {@link Auction.Open} or {@link Bid}) is one edit in each direction plus
 * a version bump: write it after the record's last field, raise {@link #VERSION}, and read it as
 * {@code version >= 2 ? readNullableLong(in) : null}; every reader gets the stored value's version. Values of an
 * unknown version throw {@link SerializationException}, so the command takes the dead-letter path instead of being
 * decided on misread state. Values that start with {@code '{'} are the JSON earlier engines stored: still read, and
 * replaced by this form when the value is next written (an auction at its next change; a decided outcome never
 * changes, so its JSON stays until the auction's retention purges it).
 *
 * <p>Limit: the format is positional, so a reader must know every version it accepts; there is no schema to
 * inspect stored bytes with, only this class.
 */
final class StoreCodec {

    /**
     * The format this engine writes. Never {@code '{'}, which marks JSON state. Version 2 added a leader's secret
     * maximum to {@link Bid} and {@code outbidByProxy} and {@code offeredAmount} to {@link BidAccepted}.
     */
    static final byte VERSION = 2;

    private static final byte JSON = '{';
    private static final byte OPEN = 1;
    private static final byte CLOSED = 2;
    private static final byte CANCELLED = 3;
    private static final byte AUCTION_OPENED = 1;
    private static final byte BID_ACCEPTED = 2;
    private static final byte BID_REJECTED = 3;
    private static final byte AUCTION_CANCELLED = 4;
    private static final byte COMMAND_REJECTED = 5;

    private static final JsonSerde<Auction> JSON_AUCTION = new JsonSerde<>(Auction.class);
    private static final JsonSerde<BidHistoryEntry> JSON_HISTORY = new JsonSerde<>(BidHistoryEntry.class);
    private static final JsonSerde<AuctionEvent> JSON_EVENT = new JsonSerde<>(AuctionEvent.class);

    static final Serde<Auction> AUCTION = serde(StoreCodec::writeAuction, StoreCodec::readAuction,
            (topic, json) -> JSON_AUCTION.deserialize(topic, json));
    static final Serde<CommandOutcome> OUTCOME = serde(StoreCodec::writeOutcome, StoreCodec::readOutcome,
            (topic, json) -> asOutcome(JSON_EVENT.deserialize(topic, json)));
    /** Entries of the bid history; the store is newer than JSON state, so JSON is only read for symmetry. */
    static final Serde<BidHistoryEntry> HISTORY = serde(StoreCodec::writeHistoryEntry, StoreCodec::readHistoryEntry,
            (topic, json) -> JSON_HISTORY.deserialize(topic, json));

    private StoreCodec() {
    }

    private interface Writer<T> {
        void write(Output out, T value) throws IOException;
    }

    private interface Reader<T> {
        T read(Input in, int version) throws IOException;
    }

    private static <T> Serde<T> serde(Writer<T> writer, Reader<T> reader, Deserializer<T> legacyJson) {
        Serializer<T> serializer = (topic, value) -> {
            if (value == null) {
                return null;
            }
            Output out = new Output();
            try {
                out.writeByte(VERSION);
                writer.write(out, value);
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("Cannot store " + value.getClass().getSimpleName() + ": " + e, e);
            }
            return out.toByteArray();
        };
        Deserializer<T> deserializer = (topic, data) -> {
            if (data == null) {
                return null;
            }
            if (data.length == 0) {
                throw new SerializationException("Empty state value in " + topic);
            }
            if (data[0] == JSON) {
                return legacyJson.deserialize(topic, data);
            }
            if (data[0] < 1 || data[0] > VERSION) {
                throw new SerializationException("State value in " + topic + " has format version " + data[0]
                        + "; this engine reads up to " + VERSION + " (and JSON): was it written by a newer engine?");
            }
            Input in = new Input(data);
            try {
                T value = reader.read(in, data[0]);
                if (in.remaining() != 0) {
                    throw new IOException(in.remaining() + " bytes left over");
                }
                return value;
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("Corrupt state value in " + topic + ": " + e, e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    // --- Auction ---------------------------------------------------------------------------------------------

    private static void writeAuction(Output out, Auction auction) throws IOException {
        if (auction instanceof Auction.Open open) {
            out.writeByte(OPEN);
            writeCommon(out, open);
            writeBid(out, open.leader());
            out.writeLong(open.bidCount());
        } else if (auction instanceof Auction.Closed closed) {
            out.writeByte(CLOSED);
            writeCommon(out, closed);
            writeBid(out, closed.leader());
            out.writeLong(closed.bidCount());
            out.writeString(closed.outcome().name());
            writeNullableLong(out, closed.price());
            writeInstant(out, closed.closedAt());
        } else if (auction instanceof Auction.Cancelled cancelled) {
            out.writeByte(CANCELLED);
            writeCommon(out, cancelled);
            writeInstant(out, cancelled.cancelledAt());
        } else {
            throw new IllegalArgumentException("no binary form for " + auction.getClass());
        }
    }

    private static Auction readAuction(Input in, int version) throws IOException {
        byte kind = in.readByte();
        AuctionTerms terms = readTerms(in);
        long seq = in.readLong();
        Instant endsAt = readInstant(in);
        switch (kind) {
            case OPEN:
                return new Auction.Open(terms, seq, endsAt, readBid(in, version), in.readLong());
            case CLOSED:
                return new Auction.Closed(terms, seq, endsAt, readBid(in, version), in.readLong(),
                        CloseOutcome.valueOf(in.readString()), readNullableLong(in), readInstant(in));
            case CANCELLED:
                return new Auction.Cancelled(terms, seq, endsAt, readInstant(in));
            default:
                throw new IOException("unknown auction kind " + kind);
        }
    }

    private static void writeCommon(Output out, Auction auction) throws IOException {
        writeTerms(out, auction.terms());
        out.writeLong(auction.seq());
        writeInstant(out, auction.endsAt());
    }

    private static void writeTerms(Output out, AuctionTerms terms) throws IOException {
        out.writeString(terms.auctionId());
        out.writeString(terms.sellerId());
        writeItem(out, terms.item());
        out.writeLong(terms.startPrice());
        out.writeLong(terms.minIncrement());
        writeNullableLong(out, terms.reservePrice());
        writeNullableLong(out, terms.buyNowPrice());
        out.writeLong(terms.softCloseSeconds());
        writeInstant(out, terms.openedAt());
    }

    private static AuctionTerms readTerms(Input in) throws IOException {
        return new AuctionTerms(in.readString(), in.readString(), readItem(in), in.readLong(), in.readLong(),
                readNullableLong(in), readNullableLong(in), in.readLong(), readInstant(in));
    }

    private static void writeBid(Output out, Bid bid) throws IOException {
        out.writeBoolean(bid != null);
        if (bid != null) {
            out.writeString(bid.bidderId());
            out.writeLong(bid.amount());
            writeInstant(out, bid.at());
            out.writeString(bid.commandId());
            writeNullableLong(out, bid.maxAmount());
        }
    }

    private static Bid readBid(Input in, int version) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        return new Bid(in.readString(), in.readLong(), readInstant(in), in.readString(),
                version >= 2 ? readNullableLong(in) : null);
    }

    // --- BidHistoryEntry -------------------------------------------------------------------------------------

    private static void writeHistoryEntry(Output out, BidHistoryEntry entry) throws IOException {
        out.writeLong(entry.seq());
        writeInstant(out, entry.at());
        out.writeString(entry.bidderId());
        out.writeLong(entry.amount());
        out.writeBoolean(entry.byProxy());
        out.writeBoolean(entry.outbidAtOnce());
    }

    private static BidHistoryEntry readHistoryEntry(Input in, int version) throws IOException {
        return new BidHistoryEntry(in.readLong(), readInstant(in), in.readString(), in.readLong(), in.readBoolean(),
                in.readBoolean());
    }

    // --- CommandOutcome --------------------------------------------------------------------------------------

    private static void writeOutcome(Output out, CommandOutcome outcome) throws IOException {
        if (!outcome.eventId().equals(eventId(outcome))) {
            throw new IllegalArgumentException("eventId " + outcome.eventId() + " is not derived from its fields");
        }
        if (outcome instanceof AuctionOpened e) {
            out.writeByte(AUCTION_OPENED);
            out.writeString(e.auctionId());
            out.writeLong(e.seq());
            writeInstant(out, e.at());
            out.writeString(e.commandId());
            out.writeString(e.sellerId());
            writeItem(out, e.item());
            out.writeLong(e.startPrice());
            out.writeLong(e.minIncrement());
            writeNullableLong(out, e.reservePrice());
            writeNullableLong(out, e.buyNowPrice());
            writeInstant(out, e.endsAt());
            out.writeLong(e.softCloseSeconds());
        } else if (outcome instanceof BidAccepted e) {
            out.writeByte(BID_ACCEPTED);
            out.writeString(e.auctionId());
            out.writeLong(e.seq());
            writeInstant(out, e.at());
            out.writeString(e.commandId());
            out.writeString(e.bidderId());
            out.writeLong(e.amount());
            writeNullableString(out, e.previousLeaderId());
            writeNullableLong(out, e.previousAmount());
            out.writeLong(e.bidCount());
            out.writeLong(e.minNextBid());
            out.writeBoolean(Boolean.TRUE.equals(e.outbidByProxy()));
            writeNullableLong(out, e.offeredAmount());
        } else if (outcome instanceof BidRejected e) {
            out.writeByte(BID_REJECTED);
            out.writeString(e.auctionId());
            writeInstant(out, e.at());
            out.writeString(e.commandId());
            out.writeString(e.bidderId());
            out.writeLong(e.amount());
            out.writeString(e.reason().name());
            writeNullableLong(out, e.minNextBid());
        } else if (outcome instanceof AuctionCancelled e) {
            out.writeByte(AUCTION_CANCELLED);
            out.writeString(e.auctionId());
            out.writeLong(e.seq());
            writeInstant(out, e.at());
            out.writeString(e.commandId());
            out.writeString(e.sellerId());
        } else if (outcome instanceof CommandRejected e) {
            out.writeByte(COMMAND_REJECTED);
            out.writeString(e.auctionId());
            writeInstant(out, e.at());
            out.writeString(e.commandId());
            writeNullableString(out, e.commandType());
            writeNullableString(out, e.actorId());
            out.writeString(e.reason().name());
            writeNullableString(out, e.detail());
        } else {
            throw new IllegalArgumentException("no binary form for " + outcome.getClass());
        }
    }

    private static CommandOutcome readOutcome(Input in, int version) throws IOException {
        byte kind = in.readByte();
        String auctionId = in.readString();
        switch (kind) {
            case AUCTION_OPENED: {
                long seq = in.readLong();
                return new AuctionOpened(SequencedEvent.eventId(auctionId, seq), auctionId, seq, readInstant(in),
                        in.readString(), in.readString(), readItem(in), in.readLong(), in.readLong(), readNullableLong(in),
                        readNullableLong(in), readInstant(in), in.readLong());
            }
            case BID_ACCEPTED: {
                long seq = in.readLong();
                Instant at = readInstant(in);
                String commandId = in.readString();
                String bidderId = in.readString();
                long amount = in.readLong();
                String previousLeaderId = readNullableString(in);
                Long previousAmount = readNullableLong(in);
                long bidCount = in.readLong();
                long minNextBid = in.readLong();
                Boolean outbidByProxy = version >= 2 && in.readBoolean() ? Boolean.TRUE : null;
                Long offeredAmount = version >= 2 ? readNullableLong(in) : null;
                return new BidAccepted(SequencedEvent.eventId(auctionId, seq), auctionId, seq, at, commandId,
                        bidderId, amount, previousLeaderId, previousAmount, bidCount, minNextBid, outbidByProxy,
                        offeredAmount);
            }
            case BID_REJECTED: {
                Instant at = readInstant(in);
                String commandId = in.readString();
                return new BidRejected(CommandOutcome.rejectionEventId(auctionId, commandId), auctionId, at,
                        commandId, in.readString(), in.readLong(), RejectionReason.valueOf(in.readString()),
                        readNullableLong(in));
            }
            case AUCTION_CANCELLED: {
                long seq = in.readLong();
                return new AuctionCancelled(SequencedEvent.eventId(auctionId, seq), auctionId, seq,
                        readInstant(in), in.readString(), in.readString());
            }
            case COMMAND_REJECTED: {
                Instant at = readInstant(in);
                String commandId = in.readString();
                return new CommandRejected(CommandOutcome.rejectionEventId(auctionId, commandId), auctionId, at,
                        commandId, readNullableString(in), readNullableString(in),
                        RejectionReason.valueOf(in.readString()), readNullableString(in));
            }
            default:
                throw new IOException("unknown outcome kind " + kind);
        }
    }

    private static String eventId(CommandOutcome outcome) {
        return outcome instanceof SequencedEvent sequenced
                ? SequencedEvent.eventId(outcome.auctionId(), sequenced.seq())
                : CommandOutcome.rejectionEventId(outcome.auctionId(), outcome.commandId());
    }

    private static CommandOutcome asOutcome(AuctionEvent event) {
        if (event instanceof CommandOutcome outcome) {
            return outcome;
        }
        throw new SerializationException("Stored event " + event.eventId() + " is not a command outcome");
    }

    // --- shared fields ---------------------------------------------------------------------------------------

    private static void writeItem(Output out, Item item) throws IOException {
        out.writeString(item.brand());
        out.writeString(item.name());
        out.writeLong(item.faceValue());
        out.writeLong(item.voucherExpiresOn().toEpochDay());
    }

    private static Item readItem(Input in) throws IOException {
        return new Item(in.readString(), in.readString(), in.readLong(), LocalDate.ofEpochDay(in.readLong()));
    }

    private static void writeInstant(Output out, Instant instant) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant readInstant(Input in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    private static void writeNullableLong(Output out, Long value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value);
        }
    }

    private static Long readNullableLong(Input in) throws IOException {
        return in.readBoolean() ? in.readLong() : null;
    }

    private static void writeNullableString(Output out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeString(value);
        }
    }

    private static String readNullableString(Input in) throws IOException {
        return in.readBoolean() ? in.readString() : null;
    }

    /** A growing byte array with the writes the format needs. */
    private static final class Output {

        private byte[] bytes = new byte[160];
        private int size;

        void writeByte(int value) {
            ensure(1);
            bytes[size++] = (byte) value;
        }

        void writeBoolean(boolean value) {
            writeByte(value ? 1 : 0);
        }

        void writeInt(int value) {
            ensure(Integer.BYTES);
            for (int shift = 24; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (value >>> shift);
            }
        }

        void writeLong(long value) {
            ensure(Long.BYTES);
            for (int shift = 56; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (value >>> shift);
            }
        }

        /** The UTF-8 length as an unsigned varint (one byte below 128), then the bytes. */
        void writeString(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            int length = utf8.length;
            while ((length & ~0x7F) != 0) {
                writeByte((length & 0x7F) | 0x80);
                length >>>= 7;
            }
            writeByte(length);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, bytes, size, utf8.length);
            size += utf8.length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }

    /** Reads what {@link Output} wrote, after the version byte; running past the end throws. */
    private static final class Input {

        private final ByteBuffer buffer;

        Input(byte[] data) {
            this.buffer = ByteBuffer.wrap(data, 1, data.length - 1);
        }

        byte readByte() {
            return buffer.get();
        }

        boolean readBoolean() throws IOException {
            byte value = buffer.get();
            if (value != 0 && value != 1) {
                throw new IOException("presence byte " + value);
            }
            return value == 1;
        }

        int readInt() {
            return buffer.getInt();
        }

        long readLong() {
            return buffer.getLong();
        }

        String readString() throws IOException {
            int length = 0;
            for (int shift = 0; ; shift += 7) {
                byte next = buffer.get();
                length |= (next & 0x7F) << shift;
                if (next >= 0) {
                    break;
                }
                if (shift >= 28) {
                    throw new IOException("string length overflows");
                }
            }
            if (length > buffer.remaining()) {
                throw new IOException("string of " + length + " bytes with " + buffer.remaining() + " left");
            }
            String value = new String(buffer.array(), buffer.position(), length, StandardCharsets.UTF_8);
            buffer.position(buffer.position() + length);
            return value;
        }

        int remaining() {
            return buffer.remaining();
        }
    }
}
