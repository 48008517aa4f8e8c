/**
 * Every error answer of a Gream HTTP service as RFC 9457 {@code application/problem+json} (Spring's
 * {@code ProblemDetail}), written once for all of them.
 *
 * <p>Each problem carries a stable, machine-readable {@code code} property (clients branch on it, never on
 * {@code title} or {@code detail}), a {@code type} URN derived from it ({@code urn:gream:problem:<code>}), and, for
 * input errors, the offending fields. Features signal an answer by throwing
 * {@link io.gream.support.problem.ProblemException}. A service opts in with
 * {@code @Import(ProblemJsonConfiguration.class)}.
 */
package io.gream.support.problem;
