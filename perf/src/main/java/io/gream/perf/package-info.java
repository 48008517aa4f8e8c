/**
 * The benchmark harness's command line and the run that ties the phases together. The figures come from the
 * feature packages: {@code engine} and {@code rest} measure Gream, {@code baseline} what it is judged against,
 * {@code load} drives the load, {@code stack} starts the parts, {@code report} writes the results.
 */
package io.gream.perf;
