/**
 * The {@code code} values of the ingress API ({@link io.gream.ingress.problem.ProblemCodes}).
 *
 * <p>Every error answer of the API is RFC 9457 {@code application/problem+json}, written by the shared problem
 * handler of {@code service-support}: features throw {@link io.gream.support.problem.ProblemException} with one of
 * these codes, and the framework's own exceptions (unreadable JSON, wrong media type, unknown routes) are translated
 * there, so no error, and no stack trace, leaves the service in another shape.
 */
package io.gream.ingress.problem;
