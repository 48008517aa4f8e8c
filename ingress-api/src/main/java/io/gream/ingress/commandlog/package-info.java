/**
 * Tells a command that was never written from one still on its way to the engine, by reading where the engine
 * stands in {@code gream.auction-commands} (its committed position) and the commands appended after it.
 *
 * <p>Read-only: nothing here writes to Kafka or decides anything.
 */
package io.gream.ingress.commandlog;
