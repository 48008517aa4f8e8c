/**
 * The worker: reads {@code AuctionClosed} events with a winner from {@code gream.auction-events}
 * ({@link io.gream.settlement.worker.AuctionClosedListener}), settles each exactly once
 * ({@link io.gream.settlement.worker.Settler}), publishes the outcome to {@code gream.settlement-events}, and only
 * then lets the consumer commit the offset. Kafka wiring, dead letters and the never-skip retry policy are in
 * {@link io.gream.settlement.worker.WorkerKafkaConfiguration}.
 */
package io.gream.settlement.worker;
