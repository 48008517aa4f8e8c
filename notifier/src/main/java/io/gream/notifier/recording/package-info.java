/**
 * Consuming {@code gream.auction-events} and {@code gream.settlement-events}: one database transaction per record
 * (inbox rows and webhook deliveries), offsets committed after it, poison records to {@code gream.dead-letters}.
 */
package io.gream.notifier.recording;
