package io.gream.support.problem;

/**
 * One invalid input, reported in a problem's {@code errors} list.
 *
 * @param field   where the value came from: a JSON path such as {@code item.faceValue}, a header name such as
 *                {@code Idempotency-Key}, a path variable or a query parameter
 * @param message what is wrong and what is allowed, for people
 */
public record FieldViolation(String field, String message) {
}
