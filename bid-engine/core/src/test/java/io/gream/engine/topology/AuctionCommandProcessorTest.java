package io.gream.engine.topology;

import io.gream.contracts.AuctionClosed;
import io.gream.contracts.AuctionCommand;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.CommandLogEntry;
import io.gream.contracts.Item;
import io.gream.contracts.OpenAuction;
import io.gream.contracts.PlaceBid;
import io.gream.contracts.Tick;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the command processor asks of Kafka Streams beyond its output, seen through Kafka's own
 * {@link MockProcessorContext} with real in-memory stores (the topology's output is {@link BidEngineTopologyTest}'s).
 */
class AuctionCommandProcessorTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Item VOUCHER = new Item("Starbucks", "Americano Tall", 4_500, LocalDate.parse("2027-06-30"));

    private final MockProcessorContext<String, AuctionEvent> context = new MockProcessorContext<>();
    private final AuctionCommandProcessor processor = new AuctionCommandProcessor(
            new BidEngineConfig(BidEngineConfig.DEFAULT.limits(), Duration.ofMillis(200), Duration.ofHours(24)),
            EngineObserver.NONE);

    @BeforeEach
    void initWithInMemoryStores() {
        add(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(BidEngineTopology.AUCTION_STORE),
                Serdes.String(), StoreCodec.AUCTION));
        add(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(BidEngineTopology.DEADLINE_STORE),
                DeadlineKey.SERDE, DeadlineAction.SERDE));
        add(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(BidEngineTopology.DECIDED_COMMAND_STORE),
                Serdes.String(), StoreCodec.OUTCOME));
        add(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(BidEngineTopology.BID_HISTORY_STORE),
                Serdes.String(), StoreCodec.HISTORY));
        processor.init(context);
    }

    @Test
    void bidsWaitForTheCommitIntervalButAClosingAuctionAsksForACommitAtOnce() {
        process(new OpenAuction("c-1", "a-1", "sally", VOUCHER, 1_000, 100, null, null, T0.plusSeconds(60), 0), T0);
        process(new PlaceBid("c-2", "a-1", "bob", 1_000), T0.plusSeconds(1));
        assertThat(context.committed()).as("opening and bidding leave the commit to the interval").isFalse();

        process(new Tick(0), T0.plusSeconds(60));

        assertThat(context.forwarded()).last().satisfies(
                forwarded -> assertThat(forwarded.record().value()).isInstanceOf(AuctionClosed.class));
        assertThat(context.committed()).as("the close is committed without waiting for the interval").isTrue();
    }

    private void process(CommandLogEntry entry, Instant brokerTime) {
        String key = entry instanceof Tick ? null : ((AuctionCommand) entry).auctionId();
        context.setCurrentStreamTimeMs(brokerTime.toEpochMilli()); // as Kafka Streams does: the newest time seen
        context.setCurrentSystemTimeMs(brokerTime.plusMillis(50).toEpochMilli());
        processor.process(new Record<>(key, entry, brokerTime.toEpochMilli()));
    }

    private <S extends KeyValueStore<?, ?>> void add(StoreBuilder<S> builder) {
        S store = builder.withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }
}
