package io.gream.engine.topology;

import io.gream.contracts.CommandLogEntry;
import io.gream.contracts.Tick;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.time.Duration;

/**
 * Keeps each partition's clock moving: a wall-clock punctuator appends a {@link Tick} to the task's own partition
 * of {@code gream.auction-commands} every tick interval.
 *
 * <p>The broker stamps the tick ({@code LogAppendTime}) when it appends it, after every command already in the
 * partition. When the {@link AuctionCommandProcessor} reads it back, the partition's clock reaches that time with
 * every earlier command decided, so auctions due by then can close, even when no user writes to the partition.
 * Closing thereby stays a function of the log alone.
 *
 * <p>Only the active task ticks, inside its exactly-once transaction, so a failed-over partition keeps ticking from
 * its new owner and no instance is special. The ticker ignores the records it is fed.
 */
final class PartitionTicker implements Processor<String, CommandLogEntry, String, Tick> {

    private final Duration interval;

    PartitionTicker(Duration interval) {
        this.interval = interval;
    }

    @Override
    public void init(ProcessorContext<String, Tick> context) {
        Tick tick = new Tick(context.taskId().partition());
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME,
                now -> context.forward(new Record<>(null, tick, now)));
    }

    @Override
    public void process(Record<String, CommandLogEntry> record) {
        // Commands are the AuctionCommandProcessor's; the ticker only writes.
    }
}
