/**
 * Request rate limits every Gream HTTP service shares: each authenticated user has an allowance, and each client
 * address an allowance for requests without a token; a client over it is answered {@code 429 RATE_LIMITED}
 * (problem+json) with {@code Retry-After}, others are unaffected.
 *
 * <p>With a Redis URL the allowances are Bucket4j buckets in Redis, shared by every replica of the service; without
 * one (the local stack), or while Redis does not answer, each replica limits on its own in memory, so N replicas
 * allow up to N times the rate. A service opts in with {@code @Import(RateLimitConfiguration.class)} and a
 * {@link io.gream.support.ratelimit.RateLimitScope} bean naming it.
 */
package io.gream.support.ratelimit;
