/**
 * Gream's public REST API ({@code ingress-api}): the one door users come through.
 *
 * <p>It verifies who is calling (a JWT), refuses malformed or out-of-range requests before anything reaches Kafka,
 * limits each user's request rate, writes accepted requests as commands to {@code gream.auction-commands}, and
 * answers with the bid-engine's decision once the engine has made it. It keeps no state of its own: every replica
 * is interchangeable, and a retried request maps to the same command id, so retries are safe across replicas.
 *
 * <p>Sub-packages by feature: {@code auth} (who is calling), {@code auction} (the endpoints),
 * {@code command} (writing commands to Kafka), {@code tail} (reading the engine's decisions back from
 * {@code gream.auction-events}), {@code live} (the public event streams fed by the tail), {@code engine} (reading
 * from the bid-engine), {@code web} (HTTP input hardening and API docs) and {@code problem} (RFC 9457 error
 * answers). The rate limits per user and per client address are the shared ones of {@code service-support}.
 */
package io.gream.ingress;
