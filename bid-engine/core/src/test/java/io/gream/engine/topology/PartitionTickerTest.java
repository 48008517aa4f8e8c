package io.gream.engine.topology;

import io.gream.contracts.Tick;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the ticker asks of Kafka Streams beyond its ticks, seen through Kafka's own {@link MockProcessorContext}
 * with a real in-memory deadline index (the ticks' effect on auctions is {@link BidEngineTopologyTest}'s).
 */
class PartitionTickerTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final MockProcessorContext<String, Tick> context = new MockProcessorContext<>();
    private KeyValueStore<DeadlineKey, DeadlineAction> deadlines;

    @BeforeEach
    void initWithAnInMemoryDeadlineIndex() {
        deadlines = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(BidEngineTopology.DEADLINE_STORE),
                DeadlineKey.SERDE, DeadlineAction.SERDE).withLoggingDisabled().build();
        deadlines.init(context.getStateStoreContext(), deadlines);
        context.addStateStore(deadlines);
        new PartitionTicker(Duration.ofMillis(200)).init(context);
        context.setCurrentStreamTimeMs(T0.toEpochMilli());
    }

    @Test
    void aTickIsCommittedAtOnceSoItNeverHoldsBackThePartitionForACommitInterval() {
        deadlines.put(new DeadlineKey(T0.plusSeconds(1).toEpochMilli(), "a-1"), DeadlineAction.CLOSE);

        punctuateAt(T0.plusMillis(1_200));

        assertThat(context.forwarded()).singleElement()
                .satisfies(forwarded -> assertThat(forwarded.record().value()).isEqualTo(new Tick(0)));
        assertThat(context.committed()).as("the tick's transaction is committed without waiting").isTrue();
    }

    @Test
    void nothingDueMeansNoTickAndNoCommit() {
        deadlines.put(new DeadlineKey(T0.plusSeconds(1).toEpochMilli(), "a-1"), DeadlineAction.CLOSE);

        punctuateAt(T0.plusMillis(800));

        assertThat(context.forwarded()).isEmpty();
        assertThat(context.committed()).isFalse();
    }

    @Test
    void aTickOnItsWayBackIsNotSentAgainUntilItIsPresumedLost() {
        deadlines.put(new DeadlineKey(T0.plusSeconds(1).toEpochMilli(), "a-1"), DeadlineAction.CLOSE);
        punctuateAt(T0.plusMillis(1_200));
        context.resetForwards();

        punctuateAt(T0.plusMillis(1_400));
        punctuateAt(T0.plusMillis(3_000));
        assertThat(context.forwarded()).as("the partition clock has not reached the tick yet").isEmpty();

        punctuateAt(T0.plusMillis(1_200).plus(PartitionTicker.RESEND_AFTER));
        assertThat(context.forwarded()).as("not back after %s: sent again", PartitionTicker.RESEND_AFTER).hasSize(1);
    }

    @Test
    void theNextDeadlineTicksAsSoonAsTheLastTickIsBack() {
        deadlines.put(new DeadlineKey(T0.plusSeconds(1).toEpochMilli(), "a-1"), DeadlineAction.CLOSE);
        deadlines.put(new DeadlineKey(T0.plusMillis(1_300).toEpochMilli(), "a-2"), DeadlineAction.CLOSE);
        punctuateAt(T0.plusMillis(1_200));
        context.resetForwards();

        context.setCurrentStreamTimeMs(T0.plusMillis(1_210).toEpochMilli()); // the tick read back: a-1 closed
        deadlines.delete(new DeadlineKey(T0.plusSeconds(1).toEpochMilli(), "a-1"));
        punctuateAt(T0.plusMillis(1_400));

        assertThat(context.forwarded()).singleElement()
                .satisfies(forwarded -> assertThat(forwarded.record().value()).isEqualTo(new Tick(0)));
    }

    private void punctuateAt(Instant wallClock) {
        MockProcessorContext.CapturedPunctuator ticker = context.scheduledPunctuators().get(0);
        assertThat(ticker.getType()).isEqualTo(PunctuationType.WALL_CLOCK_TIME);
        ticker.getPunctuator().punctuate(wallClock.toEpochMilli());
    }
}
