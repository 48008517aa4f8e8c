/**
 * Failover drills (issue 9): a multi-process Gream cluster on loopback ({@link io.gream.perf.drill.Cluster}: three
 * Kafka nodes from Kafka's own server code, three bid-engines, two ingress-apis, two settlement-workers, a
 * notifier), a load of bids and queries through the REST API while processes are killed, paused and restarted
 * ({@code DrillLoad}, {@code FaultSchedule}), and a verifier ({@code Verifier}) that reads everything back with
 * {@code read_committed} and checks that nothing was lost, done twice, decided wrongly or charged twice.
 *
 * <p>Run from the CLI ({@code gream-perf drill ...}), never from the normal build: the unit tests here check the
 * verifier on hand-built histories only. See {@code docs/reliability.md}.
 */
package io.gream.perf.drill;
