/**
 * Tapping {@code gream.auction-events} without Kafka Streams: a plain consumer that reads only committed events and
 * tells new events from duplicates and gaps by their {@code eventId} and {@code seq}. Backs the snippet in
 * {@code docs/taps.md}.
 */
package io.gream.analytics.tap;
