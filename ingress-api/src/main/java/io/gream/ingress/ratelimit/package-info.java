/**
 * Per-user request rate limits: each authenticated user gets a resilience4j {@code RateLimiter} of their own;
 * a user over the limit is answered {@code 429 RATE_LIMITED} with {@code Retry-After}, others are unaffected.
 *
 * <p>Limits are per ingress replica (no shared state between replicas, by design): with N replicas behind a load
 * balancer a user can reach at most N times the configured rate. Anonymous reads are not limited here; that is the
 * load balancer's job.
 */
package io.gream.ingress.ratelimit;
