/**
 * The notifier service: {@code recording} consumes events into the inbox and the webhook outbox, {@code inbox},
 * {@code stream} and {@code webhook} serve them; {@code notification} decides who is told what.
 */
package io.gream.notifier;
