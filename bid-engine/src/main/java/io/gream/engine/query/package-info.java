/**
 * Interactive queries over HTTP: an auction's current state, a command's outcome (long-polled, for
 * read-your-writes), and the open auctions ending soonest, answered from the Kafka Streams state stores.
 *
 * <p>Any instance answers for any auction: it reads its own store when it hosts the auction's partition and
 * otherwise forwards to the instance that does ({@code queryMetadataForKey}), falling back to a standby copy
 * (marked stale) while the active one cannot answer. During a rebalance the answer is {@code 503} with
 * {@code Retry-After}, never {@code 500}.
 *
 * <p>These endpoints are internal, for the ingress-api: the engine's port is not published to users, and every
 * request to any handler must carry {@code gream.engine.internal-token} in {@code X-Gream-Internal-Token}.
 */
package io.gream.engine.query;
