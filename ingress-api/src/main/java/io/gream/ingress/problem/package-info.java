/**
 * Every error answer of the API, as RFC 9457 {@code application/problem+json} (Spring's {@code ProblemDetail}).
 *
 * <p>Each problem carries a stable, machine-readable {@code code} property (clients branch on it, never on
 * {@code title} or {@code detail}), a {@code type} URN derived from it, and, for input errors, the offending fields.
 * Features signal an answer by throwing {@link io.gream.ingress.problem.ProblemException}; the framework's own
 * exceptions (unreadable JSON, wrong media type, unknown routes) are translated here, so no error, and no stack
 * trace, leaves the service in another shape.
 */
package io.gream.ingress.problem;
