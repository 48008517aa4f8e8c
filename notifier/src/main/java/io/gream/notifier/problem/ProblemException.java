package io.gream.notifier.problem;

import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An expected failure answer, thrown from request handling and written as an RFC 9457 problem document with a
 * stable {@code code}, in the same shape as the ingress-api's problems. Not for bugs: those become a generic 500.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ProblemException(HttpStatus status, String code, String detail) {
        super(detail, null, false, false); // an expected answer: no stack trace to fill or log
        this.status = status;
        this.code = code;
    }

    /** {@code 400 VALIDATION_FAILED} for one invalid field, listed in {@code errors}. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, ProblemHandler.VALIDATION_FAILED, field + ": " + message)
                .withProperty("errors", List.of(Map.of("field", field, "message", message)));
    }

    public ProblemException withProperty(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }

    Map<String, Object> properties() {
        return properties;
    }
}
