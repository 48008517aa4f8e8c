/**
 * {@code gream-audit}: proves an auction log. {@link io.gream.audit.LogReader} reads the three Gream topics
 * ({@code read_committed}) and the settlement ledger, {@link io.gream.audit.Replay} decides the command log again
 * with the engine's own rules, and {@link io.gream.audit.Verifier} checks every event, close and settlement against
 * it. Operators and bidders run it from the command line; the failover drill runs it for its invariants.
 */
package io.gream.audit;
