/**
 * Webhooks: registration ({@code /api/webhooks}, with the server-side-request-forgery guard), the delivery outbox,
 * and its dispatcher (signed with HMAC-SHA256, retried with backoff, one bulkhead and circuit breaker per endpoint).
 * {@link io.gream.notifier.webhook.WebhookSignatureVerifier} is what a receiver uses to check a delivery.
 */
package io.gream.notifier.webhook;
