/**
 * The public auction endpoints of DESIGN.md section 5: opening, bidding on and cancelling auctions (commands), and
 * reading auctions and command outcomes.
 *
 * <p>A command request is checked completely (ids, types, ranges, the auction terms) before anything is written;
 * then it becomes a contract command with a deterministic id, is written to Kafka, and the answer waits (briefly,
 * {@code Prefer: wait=N}) for the engine's decision: {@code 201} when carried out, a problem named after the
 * engine's rejection reason when refused, {@code 202} with the command's location when not known yet.
 */
package io.gream.ingress.auction;
