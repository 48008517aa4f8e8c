/**
 * The per-user inbox: storage of every notification, unique per source event and recipient, and the
 * {@code /api/notifications} endpoints. The stream and webhook deliveries read from it.
 */
package io.gream.notifier.inbox;
