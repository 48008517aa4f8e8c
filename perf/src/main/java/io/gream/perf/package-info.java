/**
 * The benchmark harness's command line, the run that ties the phases together and the Gream services it starts.
 * The figures come from the feature packages: {@code engine} and {@code rest} measure Gream, {@code baseline} what
 * it is judged against, {@code load} drives the load, {@code report} writes the results.
 */
package io.gream.perf;
