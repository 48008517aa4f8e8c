/**
 * Gream's own figures: the engine alone through Kafka (saturation, latency at a fixed rate, close lag), with the
 * engine run as a child JVM and its decisions read the way clients read them, with {@code read_committed}.
 */
package io.gream.perf.engine;
