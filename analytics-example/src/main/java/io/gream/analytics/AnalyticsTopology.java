package io.gream.analytics;

import io.gream.contracts.AuctionClosed;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.BidAccepted;
import io.gream.contracts.JsonSerde;
import io.gream.contracts.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

import java.time.Duration;
import java.util.List;

/**
 * The example analytics topology: a tap on {@code gream.auction-events}, the only topic it reads.
 *
 * <pre>
 *  gream.auction-events ─► accepted-bids ─► accepted-bids-per-second ──► accepted-bids-per-second-store
 *                      └─► winning-prices-by-brand ─► (repartition by brand) ─► closing-prices-per-brand
 *                                                                            ──► closing-prices-per-brand-store
 * </pre>
 *
 * <ul>
 *   <li><b>Hot auctions.</b> Accepted bids are counted per auction in one-second buckets ({@link #BUCKET}); the
 *       last minute is the sum of the last sixty buckets, taken at query time by {@link HotAuctions}. A DSL
 *       {@code SlidingWindows} count would anchor its windows on the bids themselves, so no stored window would
 *       answer "the minute up to now"; buckets do, to the second, with one store write per bid.</li>
 *   <li><b>Closing prices.</b> Each {@code AuctionClosed} with a winner adds its price to its brand's running
 *       total and count ({@link BrandClosingPrices}); the average is derived when asked.</li>
 * </ul>
 *
 * Every node, store and the repartition topic are named here, so {@code describe()} has no generated names and the
 * state survives changes to the topology. It writes nothing back to Kafka: results are served from the stores.
 */
public final class AnalyticsTopology {

    public static final String EVENTS_SOURCE = "auction-events-source";
    public static final String ACCEPTED_BIDS = "accepted-bids";
    public static final String ACCEPTED_BIDS_BY_AUCTION = "accepted-bids-by-auction";
    public static final String COUNT_ACCEPTED_BIDS = "accepted-bids-per-second";
    /** Accepted bids per auction per one-second bucket. */
    public static final String ACCEPTED_BIDS_STORE = "accepted-bids-per-second-store";

    public static final String WINNING_PRICES = "winning-prices-by-brand";
    /** Also names the repartition topic, {@code <application.id>-closing-prices-by-brand-repartition}. */
    public static final String PRICES_BY_BRAND = "closing-prices-by-brand";
    public static final String AGGREGATE_PRICES = "closing-prices-per-brand";
    /** Total and count of winning prices per brand. */
    public static final String CLOSING_PRICES_STORE = "closing-prices-per-brand-store";

    /** How long an accepted bid counts towards an auction being hot. */
    public static final Duration HOT_WINDOW = Duration.ofMinutes(1);
    /** Resolution of the hot-auction window. */
    public static final Duration BUCKET = Duration.ofSeconds(1);
    /**
     * How late a bid may arrive and still be counted in its bucket. The engine stamps each event with its decision
     * time, in order per partition, so lateness only comes from a partition lagging behind another in this task.
     */
    public static final Duration GRACE = Duration.ofSeconds(10);

    private AnalyticsTopology() {
    }

    public static Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, AuctionEvent> events = builder.stream(Topics.AUCTION_EVENTS.name(),
                Consumed.with(Topics.AUCTION_EVENTS.keySerde(), Topics.AUCTION_EVENTS.valueSerde())
                        .withName(EVENTS_SOURCE));

        // Keyed by auction id already: counting per auction needs no repartition.
        events.filter((auctionId, event) -> event instanceof BidAccepted, Named.as(ACCEPTED_BIDS))
                .groupByKey(Grouped.with(ACCEPTED_BIDS_BY_AUCTION, Serdes.String(),
                        Topics.AUCTION_EVENTS.valueSerde()))
                .windowedBy(TimeWindows.ofSizeAndGrace(BUCKET, GRACE))
                .count(Named.as(COUNT_ACCEPTED_BIDS),
                        Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(ACCEPTED_BIDS_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(Serdes.Long())
                                .withRetention(HOT_WINDOW.plus(GRACE)));

        events.flatMap((auctionId, event) -> event instanceof AuctionClosed closed && closed.outcome().hasWinner()
                                ? List.of(KeyValue.pair(closed.item().brand(), closed.price()))
                                : List.<KeyValue<String, Long>>of(),
                        Named.as(WINNING_PRICES))
                .groupByKey(Grouped.with(PRICES_BY_BRAND, Serdes.String(), Serdes.Long()))
                .aggregate(() -> BrandClosingPrices.NONE, (brand, price, prices) -> prices.add(price),
                        Named.as(AGGREGATE_PRICES),
                        Materialized.<String, BrandClosingPrices, KeyValueStore<Bytes, byte[]>>as(CLOSING_PRICES_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(new JsonSerde<>(BrandClosingPrices.class)));
        return builder.build();
    }
}
