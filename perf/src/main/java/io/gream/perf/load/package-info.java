/**
 * Load generation: an open-loop scheduler that starts operations at their intended times, latency recording
 * from those intended times into HdrHistogram, and the progress line printed while a phase runs.
 */
package io.gream.perf.load;
