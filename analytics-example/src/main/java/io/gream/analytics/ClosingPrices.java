package io.gream.analytics;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads the average closing price per brand from {@link AnalyticsTopology#CLOSING_PRICES_STORE}. Only brands whose
 * partition of the repartition topic this instance owns are seen.
 */
public final class ClosingPrices {

    private final Supplier<ReadOnlyKeyValueStore<String, BrandClosingPrices>> store;

    /** @param store looked up on every query, since Kafka Streams may replace it during a rebalance */
    public ClosingPrices(Supplier<ReadOnlyKeyValueStore<String, BrandClosingPrices>> store) {
        this.store = store;
    }

    /** Every brand with at least one sale, by name. */
    public List<BrandAverage> byBrand() {
        List<BrandAverage> brands = new ArrayList<>();
        try (KeyValueIterator<String, BrandClosingPrices> all = store.get().all()) {
            while (all.hasNext()) {
                KeyValue<String, BrandClosingPrices> brand = all.next();
                brands.add(new BrandAverage(brand.key, brand.value.auctions(), brand.value.averagePrice()));
            }
        }
        brands.sort(Comparator.comparing(BrandAverage::brand));
        return brands;
    }

    /**
     * @param auctions     auctions of the brand sold so far
     * @param averagePrice their mean closing price in minor units, rounded half up
     */
    public record BrandAverage(String brand, long auctions, long averagePrice) {
    }
}
