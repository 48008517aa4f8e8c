/**
 * The client of the bid-engine's internal HTTP API: auction views, the list of open auctions, and a command's
 * outcome when the ingress's tail of the event log did not see it.
 *
 * <p>Any engine instance answers for any auction (it forwards to the owner), so the client spreads calls over the
 * configured instances, keeps a circuit breaker per instance, and retries a failed call on the next instance. An
 * engine that cannot be reached becomes {@code 503 ENGINE_UNAVAILABLE}; an engine's own {@code 503} (rebalancing)
 * is passed on with its {@code Retry-After}. Replies are read with the contracts' tolerant JSON mapping.
 */
package io.gream.ingress.engine;
