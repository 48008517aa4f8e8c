package io.gream.engine.topology;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Key of the deadline index: when something is due, then which auction. Serialized so that RocksDB's byte order
 * is time order (8 bytes big-endian with the sign bit flipped, then the UTF-8 id), which lets the closer read the
 * due entries from the front of the store and stop at the first one not yet due.
 */
public record DeadlineKey(long dueAtMillis, String auctionId) {

    public static final Serde<DeadlineKey> SERDE = Serdes.serdeFrom(
            (topic, key) -> key == null ? null : key.toBytes(),
            (topic, bytes) -> bytes == null ? null : fromBytes(bytes));

    static DeadlineKey of(Instant dueAt, String auctionId) {
        return new DeadlineKey(dueAt.toEpochMilli(), auctionId);
    }

    public Instant dueAt() {
        return Instant.ofEpochMilli(dueAtMillis);
    }

    private byte[] toBytes() {
        byte[] id = auctionId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(Long.BYTES + id.length).putLong(dueAtMillis ^ Long.MIN_VALUE).put(id).array();
    }

    private static DeadlineKey fromBytes(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long dueAt = buffer.getLong() ^ Long.MIN_VALUE;
        return new DeadlineKey(dueAt, new String(bytes, Long.BYTES, bytes.length - Long.BYTES,
                StandardCharsets.UTF_8));
    }
}
