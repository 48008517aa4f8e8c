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

    /**
     * The key of something due at {@code dueAt}, rounded <em>up</em> to the millisecond. Broker timestamps, and so
     * the partition clock that closes auctions, have millisecond precision: an end of {@code 10:00:00.0005} is passed
     * only when the clock reads {@code 10:00:00.001}. Rounding down would file it under a millisecond the clock can
     * reach without passing the end, so the ticker would stop ticking there and the auction, and every later deadline
     * of its partition, would never close.
     */
    static DeadlineKey of(Instant dueAt, String auctionId) {
        long millis = dueAt.toEpochMilli();
        return new DeadlineKey(dueAt.getNano() % 1_000_000 == 0 ? millis : millis + 1, auctionId);
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
