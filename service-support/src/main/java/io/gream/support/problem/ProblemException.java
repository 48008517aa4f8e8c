package io.gream.support.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An answer that is not a success, thrown from anywhere in request handling and written as a problem document by
 * the problem handler. It exists so that features decide status, {@code code} and extra properties where they know
 * them, without each building HTTP responses.
 *
 * <p>Not for bugs: unexpected exceptions become a generic {@code 500 INTERNAL_ERROR} without details.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final HttpHeaders headers = new HttpHeaders();

    public ProblemException(HttpStatus status, String code, String detail) {
        super(detail, null, false, false); // an expected answer: no stack trace to fill or log
        this.status = status;
        this.code = code;
    }

    /** {@code 400 VALIDATION_FAILED} listing every invalid field. */
    public static ProblemException validation(List<FieldViolation> violations) {
        return new ProblemException(HttpStatus.BAD_REQUEST, ProblemCodes.VALIDATION_FAILED,
                violations.size() == 1 ? violations.get(0).field() + ": " + violations.get(0).message()
                        : violations.size() + " fields are invalid")
                .withProperty("errors", List.copyOf(violations));
    }

    /** {@code 400 VALIDATION_FAILED} for one invalid field. */
    public static ProblemException invalid(String field, String message) {
        return validation(List.of(new FieldViolation(field, message)));
    }

    /** Adds an extension member to the problem document, e.g. {@code minNextBid}. */
    public ProblemException withProperty(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** Adds a response header, e.g. {@code Retry-After}. */
    public ProblemException withHeader(String name, String value) {
        headers.add(name, value);
        return this;
    }

    /**
     * This problem as an answer, for a handler that returns an expected refusal rather than throwing it: no
     * exception travels through the framework's exception handling, which cost more than the answer itself.
     */
    public ResponseEntity<Object> response() {
        ProblemDetail problem = ProblemHandler.problem(status, code, getMessage());
        properties.forEach(problem::setProperty);
        return ResponseEntity.status(status).headers(headers).body(problem);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    public HttpHeaders headers() {
        return HttpHeaders.readOnlyHttpHeaders(headers);
    }
}
