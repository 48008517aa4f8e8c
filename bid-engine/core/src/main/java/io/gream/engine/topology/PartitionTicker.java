package io.gream.engine.topology;

import io.gream.contracts.CommandLogEntry;
import io.gream.contracts.Tick;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;

/**
 * Keeps each partition's clock moving when users do not: a wall-clock punctuator appends a {@link Tick} to the
 * task's own partition of {@code gream.auction-commands} whenever something in the deadline index is due by the
 * wall clock but the partition's clock has not reached it yet.
 *
 * <p>The broker stamps the tick ({@code LogAppendTime}) when it appends it, after every command already in the
 * partition. When the {@link AuctionCommandProcessor} reads it back, the partition's clock reaches that time with
 * every earlier command decided, and the due auctions close. Closing thereby stays a function of the log alone,
 * and a partition with nothing due gets no ticks at all, so the command log does not fill with them.
 *
 * <p>Only the active task ticks, inside its exactly-once transaction, so a failed-over partition keeps ticking from
 * its new owner and no instance is special. A tick asks for a commit at once: until its transaction commits, the
 * tick holds back the partition's last stable offset, so no {@code read_committed} reader (this task included)
 * sees it or any bid appended after it, and closing and those bids would wait up to a commit interval.
 *
 * <p>While a tick is on its way back (appended, not yet read), the ticker sends no other: one per due deadline, not
 * one per interval, however far the task lags behind its partition. A tick not read back within
 * {@link #RESEND_AFTER} is presumed lost with an aborted transaction and sent again. The ticker reads the deadline
 * index and ignores the records it is fed.
 */
final class PartitionTicker implements Processor<String, CommandLogEntry, String, Tick> {

    /** How long a tick may take to come back before another is sent. */
    static final Duration RESEND_AFTER = Duration.ofSeconds(2);

    private final Duration interval;
    /** The deadline the last tick was sent for, and when; the tick is back once the partition clock reaches it. */
    private long tickSentFor = Long.MIN_VALUE;
    private long tickSentAt;

    PartitionTicker(Duration interval) {
        this.interval = interval;
    }

    @Override
    public void init(ProcessorContext<String, Tick> context) {
        KeyValueStore<DeadlineKey, DeadlineAction> deadlines = context.getStateStore(BidEngineTopology.DEADLINE_STORE);
        Tick tick = new Tick(context.taskId().partition());
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, wallClock -> {
            long partitionClock = context.currentStreamTimeMs();
            try (KeyValueIterator<DeadlineKey, DeadlineAction> first = deadlines.all()) {
                if (first.hasNext()) {
                    long earliestDue = first.peekNextKey().dueAtMillis();
                    boolean onItsWay = partitionClock < tickSentFor
                            && wallClock - tickSentAt < RESEND_AFTER.toMillis();
                    if (earliestDue <= wallClock && partitionClock < earliestDue && !onItsWay) {
                        context.forward(new Record<>(null, tick, wallClock));
                        context.commit();
                        tickSentFor = earliestDue;
                        tickSentAt = wallClock;
                    }
                }
            }
        });
    }

    @Override
    public void process(Record<String, CommandLogEntry> record) {
        // Commands are the AuctionCommandProcessor's; the ticker only writes.
    }
}
