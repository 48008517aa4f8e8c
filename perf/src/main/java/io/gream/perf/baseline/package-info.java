/**
 * What Gream is judged against, measured in the same run on the same machine: the raw Kafka produce+consume
 * ceiling, the lock-based MySQL design it replaces, and its decider alone in memory.
 */
package io.gream.perf.baseline;
