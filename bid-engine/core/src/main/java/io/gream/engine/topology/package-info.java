/**
 * The bid-engine's Kafka Streams topology, built by {@link io.gream.engine.topology.BidEngineTopology#build} with
 * no Spring so tests and tools can build exactly what the application runs.
 *
 * <p>Processors only load state, call {@link io.gream.engine.auction.AuctionRules}, store the result and forward
 * the events. Closing is driven by the partition's clock, which the {@link io.gream.engine.topology.PartitionTicker}
 * keeps moving on idle partitions; see {@link io.gream.engine.topology.AuctionCommandProcessor}.
 */
package io.gream.engine.topology;
