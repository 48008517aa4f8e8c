/**
 * Writing commands to {@code gream.auction-commands}: the command ids that make retries safe, and the idempotent,
 * {@code acks=all} producer that answers only once the broker has acknowledged.
 *
 * <p>Nothing here decides anything: whether a command is allowed is the bid-engine's decision, read back through
 * {@code io.gream.ingress.engine}.
 */
package io.gream.ingress.command;
