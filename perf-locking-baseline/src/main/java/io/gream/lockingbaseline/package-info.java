/**
 * The lock-based baseline service of the benchmark: the bid API over one MySQL row lock per bid. Not part of
 * Gream; {@code perf} starts it beside the ingress to compare the two designs on the same machine.
 */
package io.gream.lockingbaseline;
