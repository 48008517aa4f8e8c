/**
 * The open-loop load generator of the project's tools: operations started at their intended times, whatever
 * happened to the ones before, and latencies recorded from those times into HdrHistogram, so queueing is counted
 * rather than hidden. Knows nothing of what is sent; the benchmarks and the failover drill drive Gream with it.
 */
package io.gream.load;
