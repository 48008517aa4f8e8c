/**
 * The ingress's one reader of {@code gream.auction-events}: every replica tails all partitions from where they
 * ended when it started, and hands each decision to what waits for it here, the requests waiting for their
 * command's outcome ({@link io.gream.ingress.tail.CommandOutcomes}) and the live streams of auctions.
 */
package io.gream.ingress.tail;
