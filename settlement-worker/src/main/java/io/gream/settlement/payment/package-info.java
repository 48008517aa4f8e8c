/**
 * Charging a winner: the {@link io.gream.settlement.payment.PaymentGateway} port, its two adapters (a simulated
 * gateway, the default, and Toss Payments' automatic billing), the deterministic idempotency key per auction, and the
 * Resilience4j guard (time limit, retry, circuit breaker, bulkhead) every call goes through.
 *
 * <p>The one rule of this package: a charge whose outcome is unknown is never repeated blindly; it is looked up by
 * its idempotency key.
 */
package io.gream.settlement.payment;
