package io.gream.engine.topology;

import io.gream.contracts.AuctionCancelled;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.AuctionOpened;
import io.gream.contracts.BidAccepted;
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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The binary form of the engine's state-store values: {@link Auction}s and the decided {@link CommandOutcome}s.
 * The engine reads and writes them for every command, and JSON cost more than deciding; public topics stay JSON.
 *
 * <p>A value is a format-version byte, a kind byte, then the fields in declaration order through
 * {@link DataOutput}: nullable fields behind a presence byte, enums by name, instants as seconds and nanos, and
 * {@code eventId}, derivable from the other fields, left out. To add a field: write it last in its record's
 * writer, bump {@link #VERSION}, and read it as {@code version >= N ? read... : null} in the reader. Values of an
 * unknown version throw {@link SerializationException} (a newer engine wrote them; the command goes to the
 * dead-letter path instead of being decided on misread state). Values that start with {@code '{'} are the JSON
 * that earlier engines stored, read once and written back in this form.
 *
 * <p>Limit: a string field is at most 65,535 bytes of modified UTF-8 ({@link DataOutput#writeUTF}).
 */
final class StoreCodec {

    /** The format this engine writes. Never {@code '{'}, which marks JSON state. */
    static final byte VERSION = 1;

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
    private static final JsonSerde<AuctionEvent> JSON_EVENT = new JsonSerde<>(AuctionEvent.class);

    static final Serde<Auction> AUCTION = serde(StoreCodec::writeAuction, StoreCodec::readAuction,
            (topic, json) -> JSON_AUCTION.deserialize(topic, json));
    static final Serde<CommandOutcome> OUTCOME = serde(StoreCodec::writeOutcome, StoreCodec::readOutcome,
            (topic, json) -> asOutcome(JSON_EVENT.deserialize(topic, json)));

    private StoreCodec() {
    }

    private interface Writer<T> {
        void write(DataOutput out, T value) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInput in, int version) throws IOException;
    }

    private static <T> Serde<T> serde(Writer<T> writer, Reader<T> reader, Deserializer<T> legacyJson) {
        Serializer<T> serializer = (topic, value) -> {
            if (value == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(VERSION);
                writer.write(out, value);
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("Cannot store " + value.getClass().getSimpleName() + ": " + e, e);
            }
            return bytes.toByteArray();
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
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, 1, data.length - 1));
            try {
                T value = reader.read(in, data[0]);
                if (in.available() != 0) {
                    throw new IOException(in.available() + " bytes left over");
                }
                return value;
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("Corrupt state value in " + topic + ": " + e, e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    // --- Auction ---------------------------------------------------------------------------------------------

    private static void writeAuction(DataOutput out, Auction auction) throws IOException {
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
            out.writeUTF(closed.outcome().name());
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

    private static Auction readAuction(DataInput in, int version) throws IOException {
        byte kind = in.readByte();
        AuctionTerms terms = readTerms(in);
        long seq = in.readLong();
        Instant endsAt = readInstant(in);
        switch (kind) {
            case OPEN:
                return new Auction.Open(terms, seq, endsAt, readBid(in), in.readLong());
            case CLOSED:
                return new Auction.Closed(terms, seq, endsAt, readBid(in), in.readLong(),
                        CloseOutcome.valueOf(in.readUTF()), readNullableLong(in), readInstant(in));
            case CANCELLED:
                return new Auction.Cancelled(terms, seq, endsAt, readInstant(in));
            default:
                throw new IOException("unknown auction kind " + kind);
        }
    }

    private static void writeCommon(DataOutput out, Auction auction) throws IOException {
        writeTerms(out, auction.terms());
        out.writeLong(auction.seq());
        writeInstant(out, auction.endsAt());
    }

    private static void writeTerms(DataOutput out, AuctionTerms terms) throws IOException {
        out.writeUTF(terms.auctionId());
        out.writeUTF(terms.sellerId());
        writeItem(out, terms.item());
        out.writeLong(terms.startPrice());
        out.writeLong(terms.minIncrement());
        writeNullableLong(out, terms.reservePrice());
        writeNullableLong(out, terms.buyNowPrice());
        out.writeLong(terms.softCloseSeconds());
        writeInstant(out, terms.openedAt());
    }

    private static AuctionTerms readTerms(DataInput in) throws IOException {
        return new AuctionTerms(in.readUTF(), in.readUTF(), readItem(in), in.readLong(), in.readLong(),
                readNullableLong(in), readNullableLong(in), in.readLong(), readInstant(in));
    }

    private static void writeBid(DataOutput out, Bid bid) throws IOException {
        out.writeBoolean(bid != null);
        if (bid != null) {
            out.writeUTF(bid.bidderId());
            out.writeLong(bid.amount());
            writeInstant(out, bid.at());
            out.writeUTF(bid.commandId());
        }
    }

    private static Bid readBid(DataInput in) throws IOException {
        return in.readBoolean() ? new Bid(in.readUTF(), in.readLong(), readInstant(in), in.readUTF()) : null;
    }

    // --- CommandOutcome --------------------------------------------------------------------------------------

    private static void writeOutcome(DataOutput out, CommandOutcome outcome) throws IOException {
        if (!outcome.eventId().equals(eventId(outcome))) {
            throw new IllegalArgumentException("eventId " + outcome.eventId() + " is not derived from its fields");
        }
        if (outcome instanceof AuctionOpened e) {
            out.writeByte(AUCTION_OPENED);
            out.writeUTF(e.auctionId());
            out.writeLong(e.seq());
            writeInstant(out, e.at());
            out.writeUTF(e.commandId());
            out.writeUTF(e.sellerId());
            writeItem(out, e.item());
            out.writeLong(e.startPrice());
            out.writeLong(e.minIncrement());
            writeNullableLong(out, e.reservePrice());
            writeNullableLong(out, e.buyNowPrice());
            writeInstant(out, e.endsAt());
            out.writeLong(e.softCloseSeconds());
        } else if (outcome instanceof BidAccepted e) {
            out.writeByte(BID_ACCEPTED);
            out.writeUTF(e.auctionId());
            out.writeLong(e.seq());
            writeInstant(out, e.at());
            out.writeUTF(e.commandId());
            out.writeUTF(e.bidderId());
            out.writeLong(e.amount());
            writeNullableString(out, e.previousLeaderId());
            writeNullableLong(out, e.previousAmount());
            out.writeLong(e.bidCount());
            out.writeLong(e.minNextBid());
        } else if (outcome instanceof BidRejected e) {
            out.writeByte(BID_REJECTED);
            out.writeUTF(e.auctionId());
            writeInstant(out, e.at());
            out.writeUTF(e.commandId());
            out.writeUTF(e.bidderId());
            out.writeLong(e.amount());
            out.writeUTF(e.reason().name());
            writeNullableLong(out, e.minNextBid());
        } else if (outcome instanceof AuctionCancelled e) {
            out.writeByte(AUCTION_CANCELLED);
            out.writeUTF(e.auctionId());
            out.writeLong(e.seq());
            writeInstant(out, e.at());
            out.writeUTF(e.commandId());
            out.writeUTF(e.sellerId());
        } else if (outcome instanceof CommandRejected e) {
            out.writeByte(COMMAND_REJECTED);
            out.writeUTF(e.auctionId());
            writeInstant(out, e.at());
            out.writeUTF(e.commandId());
            writeNullableString(out, e.commandType());
            writeNullableString(out, e.actorId());
            out.writeUTF(e.reason().name());
            writeNullableString(out, e.detail());
        } else {
            throw new IllegalArgumentException("no binary form for " + outcome.getClass());
        }
    }

    private static CommandOutcome readOutcome(DataInput in, int version) throws IOException {
        byte kind = in.readByte();
        String auctionId = in.readUTF();
        switch (kind) {
            case AUCTION_OPENED: {
                long seq = in.readLong();
                return new AuctionOpened(SequencedEvent.eventId(auctionId, seq), auctionId, seq, readInstant(in),
                        in.readUTF(), in.readUTF(), readItem(in), in.readLong(), in.readLong(), readNullableLong(in),
                        readNullableLong(in), readInstant(in), in.readLong());
            }
            case BID_ACCEPTED: {
                long seq = in.readLong();
                return new BidAccepted(SequencedEvent.eventId(auctionId, seq), auctionId, seq, readInstant(in),
                        in.readUTF(), in.readUTF(), in.readLong(), readNullableString(in), readNullableLong(in),
                        in.readLong(), in.readLong());
            }
            case BID_REJECTED: {
                Instant at = readInstant(in);
                String commandId = in.readUTF();
                return new BidRejected(CommandOutcome.rejectionEventId(auctionId, commandId), auctionId, at,
                        commandId, in.readUTF(), in.readLong(), RejectionReason.valueOf(in.readUTF()),
                        readNullableLong(in));
            }
            case AUCTION_CANCELLED: {
                long seq = in.readLong();
                return new AuctionCancelled(SequencedEvent.eventId(auctionId, seq), auctionId, seq,
                        readInstant(in), in.readUTF(), in.readUTF());
            }
            case COMMAND_REJECTED: {
                Instant at = readInstant(in);
                String commandId = in.readUTF();
                return new CommandRejected(CommandOutcome.rejectionEventId(auctionId, commandId), auctionId, at,
                        commandId, readNullableString(in), readNullableString(in),
                        RejectionReason.valueOf(in.readUTF()), readNullableString(in));
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

    private static void writeItem(DataOutput out, Item item) throws IOException {
        out.writeUTF(item.brand());
        out.writeUTF(item.name());
        out.writeLong(item.faceValue());
        out.writeLong(item.voucherExpiresOn().toEpochDay());
    }

    private static Item readItem(DataInput in) throws IOException {
        return new Item(in.readUTF(), in.readUTF(), in.readLong(), LocalDate.ofEpochDay(in.readLong()));
    }

    private static void writeInstant(DataOutput out, Instant instant) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant readInstant(DataInput in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    private static void writeNullableLong(DataOutput out, Long value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value);
        }
    }

    private static Long readNullableLong(DataInput in) throws IOException {
        return in.readBoolean() ? in.readLong() : null;
    }

    private static void writeNullableString(DataOutput out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readNullableString(DataInput in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
