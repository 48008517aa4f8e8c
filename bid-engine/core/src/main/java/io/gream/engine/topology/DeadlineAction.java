package io.gream.engine.topology;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** What to do with an auction when its deadline-index entry falls due. Stored as one byte. */
public enum DeadlineAction {
    /** The auction is open and its {@code endsAt} has come: close it. */
    CLOSE,
    /** The auction ended a retention period ago: forget its decided command ids. */
    PURGE;

    public static final Serde<DeadlineAction> SERDE = Serdes.serdeFrom(
            (topic, action) -> action == null ? null : new byte[] {(byte) action.ordinal()},
            (topic, bytes) -> bytes == null ? null : values()[bytes[0]]);
}
