/**
 * Failover drills (issue 9): a multi-process Gream cluster on loopback ({@link io.gream.perf.drill.Cluster}: three
 * Kafka nodes from Kafka's own server code, three bid-engines, two ingress-apis, two settlement-workers, a
 * notifier), a load of bids and queries through the REST API while processes are killed, paused and restarted
 * ({@code DrillLoad}, {@code FaultSchedule}), and {@code DrillChecks}: the audit ({@code gream-audit}) on what the
 * cluster left, that nothing was lost, done twice, decided wrongly or charged twice, and checks of the answers.
 *
 * <p>Run from the CLI ({@code gream-perf drill ...}), never from the normal build: the unit tests here check the
 * verifier on hand-built histories only. See {@code docs/reliability.md}.
 */
package io.gream.perf.drill;
