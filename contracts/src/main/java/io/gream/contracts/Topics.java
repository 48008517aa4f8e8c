package io.gream.contracts;

import org.apache.kafka.common.serialization.Serdes;

import java.util.Map;

/**
 * Every topic of DESIGN.md section 3. Keys are auction ids; values are JSON with a {@code type} discriminator.
 */
public final class Topics {

    /**
     * Commands from the ingress, and the engine's {@link Tick}s. {@code LogAppendTime}, so a command's time is the
     * broker's and no client can choose when its bid counts. Kept forever: it is the system of record, from which
     * every decision can be replayed.
     */
    public static final Topic<String, CommandLogEntry> AUCTION_COMMANDS = new Topic<>(
            "gream.auction-commands", Serdes.String(), new JsonSerde<>(CommandLogEntry.class),
            Map.of("message.timestamp.type", "LogAppendTime", "retention.ms", "-1"));

    /**
     * Every decision of the bid-engine; the public tap for analytics. Written only by the bid-engine. Kept forever,
     * so settlement, notifications and analytics can be rebuilt from it.
     */
    public static final Topic<String, AuctionEvent> AUCTION_EVENTS = new Topic<>(
            "gream.auction-events", Serdes.String(), new JsonSerde<>(AuctionEvent.class),
            Map.of("retention.ms", "-1"));

    /**
     * The {@link SettlementEvent}s of sold auctions: one settlement each, its refunds, and a second-chance offer's
     * events. Written only by the settlement-worker. Kept forever: it is the
     * record of who was charged, from which notifications and reports can be rebuilt.
     */
    public static final Topic<String, SettlementEvent> SETTLEMENT_EVENTS = new Topic<>(
            "gream.settlement-events", Serdes.String(), new JsonSerde<>(SettlementEvent.class),
            Map.of("retention.ms", "-1"));

    /**
     * Second-chance commands from the ingress ({@link SecondChanceCommand}), decided by the settlement-worker.
     * {@code LogAppendTime}, so whether an answer came before an offer expired is the broker's call. Kept forever, as
     * the auction commands are.
     */
    public static final Topic<String, SecondChanceCommand> SETTLEMENT_COMMANDS = new Topic<>(
            "gream.settlement-commands", Serdes.String(), new JsonSerde<>(SecondChanceCommand.class),
            Map.of("message.timestamp.type", "LogAppendTime", "retention.ms", "-1"));

    /**
     * Records no consumer could read or process: the original key and bytes, plus headers saying what failed and
     * where the record came from. Kept a week so an operator can inspect and replay them.
     */
    public static final Topic<byte[], byte[]> DEAD_LETTERS = new Topic<>(
            "gream.dead-letters", Serdes.ByteArray(), Serdes.ByteArray(),
            Map.of("retention.ms", String.valueOf(7L * 24 * 60 * 60 * 1000)));

    private Topics() {
    }
}
