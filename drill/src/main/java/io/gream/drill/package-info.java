/**
 * Failover drills: a multi-process Gream cluster on loopback ({@link io.gream.drill.Cluster}: three
 * Kafka nodes from Kafka's own server code, three bid-engines, two ingress-apis, two settlement-workers, a
 * notifier), a load of bids and queries through the REST API while processes are killed, paused and restarted
 * ({@code DrillLoad}, {@code FaultSchedule}), and {@code DrillChecks}: the audit ({@code gream-audit}) on what the
 * cluster left, that nothing was lost, done twice, decided wrongly or charged twice, and checks of the answers.
 *
 * <p>Run from the CLI ({@code gream-drill ...}, {@code drill/cluster/drill-cluster.sh}), never from the normal build:
 * the unit tests here check the drill's own parts on hand-built histories only. See {@code docs/reliability.md}.
 */
package io.gream.drill;
