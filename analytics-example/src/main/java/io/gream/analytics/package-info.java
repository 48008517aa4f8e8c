/**
 * An example analytics application on the public event stream: it reads only {@code gream.auction-events} and
 * serves hot auctions (most accepted bids in the last minute) and the average closing price per brand over a tiny
 * HTTP API.
 *
 * <p>Plain Kafka Streams and the JDK's HTTP server, no Spring, so the whole of a tap is visible in a few classes:
 * {@link io.gream.analytics.AnalyticsTopology} (what is computed), {@link io.gream.analytics.HotAuctions} and
 * {@link io.gream.analytics.ClosingPrices} (how the stores are read), {@link io.gream.analytics.AnalyticsHttpServer}
 * and {@link io.gream.analytics.AnalyticsApplication} (how it runs). It decides nothing and writes nothing back.
 */
package io.gream.analytics;
