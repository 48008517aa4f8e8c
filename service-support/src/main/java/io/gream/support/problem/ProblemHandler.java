package io.gream.support.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns every failed request of a Gream HTTP service into a problem document with a stable {@code code}.
 *
 * <p>Extends Spring's {@link ResponseEntityExceptionHandler} so the framework's own exceptions keep their standard
 * status codes, and adds the {@code code} (and a {@code type} URN built from it) to each. Unreadable JSON is
 * classified more finely than Spring does: malformed JSON, an unknown property, and a value of the wrong type are
 * different mistakes with different fixes. Messages never echo class names or stack traces. Registered by
 * {@link ProblemJsonConfiguration}; it does not see errors Tomcat answers before Spring MVC (the error valve does).
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    /** Fields that name a user. The acting user comes from the token; a body that names one is refused. */
    private static final Set<String> ACTOR_FIELDS = Set.of("bidderId", "sellerId", "actorId", "userId", "ownerId");

    private static final Map<Integer, String> CODE_BY_STATUS = Map.of(
            400, ProblemCodes.VALIDATION_FAILED,
            404, ProblemCodes.NOT_FOUND,
            405, ProblemCodes.METHOD_NOT_ALLOWED,
            406, ProblemCodes.NOT_ACCEPTABLE,
            413, ProblemCodes.PAYLOAD_TOO_LARGE,
            415, ProblemCodes.UNSUPPORTED_MEDIA_TYPE);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> handleProblem(ProblemException ex) {
        return ex.response();
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception ex, WebRequest request) {
        log.error("Unexpected failure handling {}", request.getDescription(false), ex);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem(HttpStatus.INTERNAL_SERVER_ERROR,
                ProblemCodes.INTERNAL_ERROR, "The request could not be completed."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemException answer = classify(ex);
        ProblemDetail problem = problem(answer.status(), answer.code(), answer.getMessage());
        answer.properties().forEach(problem::setProperty);
        return ResponseEntity.status(answer.status()).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : ex.getPropertyName();
        String message = expectation(ex.getRequiredType());
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemCodes.WRONG_TYPE, field + ": " + message);
        problem.setProperty("errors", List.of(new FieldViolation(field, message)));
        return ResponseEntity.badRequest().body(problem);
    }

    /** Adds {@code code} and {@code type} to the problems Spring MVC builds for its own exceptions. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            String code = CODE_BY_STATUS.getOrDefault(statusCode.value(),
                    statusCode.is5xxServerError() ? ProblemCodes.INTERNAL_ERROR : ProblemCodes.VALIDATION_FAILED);
            if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
                problem.setProperty("code", code);
                problem.setType(typeOf(code));
            }
        }
        return response;
    }

    static ProblemDetail problem(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(typeOf(code));
        problem.setProperty("code", code);
        return problem;
    }

    private static URI typeOf(String code) {
        return URI.create("urn:gream:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    private static ProblemException classify(HttpMessageNotReadableException ex) {
        JacksonException jackson = findCause(ex, JacksonException.class);
        if (jackson instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            String message = ACTOR_FIELDS.contains(unknown.getPropertyName())
                    ? "not accepted: the acting user is the subject of the bearer token"
                    : "is not a property of this request";
            return new ProblemException(HttpStatus.BAD_REQUEST, ProblemCodes.UNKNOWN_PROPERTY, field + " " + message)
                    .withProperty("errors", List.of(new FieldViolation(field, message)));
        }
        if (jackson instanceof InputCoercionException) {
            // a number that does not fit a long: well-formed JSON, impossible amount
            String field = path(jackson);
            return new ProblemException(HttpStatus.BAD_REQUEST, ProblemCodes.WRONG_TYPE,
                    field + ": number out of range")
                    .withProperty("errors", List.of(new FieldViolation(field, "number out of range")));
        }
        if (jackson instanceof MismatchedInputException mismatch && !isTrailingGarbage(mismatch)) {
            String field = path(mismatch);
            String message = expectation(mismatch.getTargetType());
            return new ProblemException(HttpStatus.BAD_REQUEST, ProblemCodes.WRONG_TYPE, field + ": " + message)
                    .withProperty("errors", List.of(new FieldViolation(field, message)));
        }
        if (jackson != null && !(jackson instanceof StreamReadException) && !(jackson instanceof MismatchedInputException)) {
            String field = path(jackson);
            return new ProblemException(HttpStatus.BAD_REQUEST, ProblemCodes.VALIDATION_FAILED,
                    field + ": value not accepted")
                    .withProperty("errors", List.of(new FieldViolation(field, "value not accepted")));
        }
        return new ProblemException(HttpStatus.BAD_REQUEST, ProblemCodes.MALFORMED_JSON, jackson == null
                ? "The request body is missing or unreadable."
                : "The request body is not well-formed JSON (or has a duplicate key or trailing content).");
    }

    private static boolean isTrailingGarbage(MismatchedInputException ex) {
        String message = ex.getOriginalMessage();
        return message != null && message.startsWith("Trailing token");
    }

    /** A JSON path such as {@code item.faceValue}, or {@code $} for the whole body. */
    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : ex.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    private static String expectation(Class<?> type) {
        if (type == null) {
            return "wrong type";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "must be a whole number";
        }
        if (type == Instant.class) {
            return "must be an ISO-8601 instant such as 2030-01-01T12:00:00Z";
        }
        if (type == LocalDate.class) {
            return "must be an ISO-8601 date such as 2030-12-31";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type.isEnum()) {
            return "must be one of " + List.of(type.getEnumConstants());
        }
        return type.isRecord() ? "must be a JSON object" : "wrong type";
    }

    private static <T extends Throwable> T findCause(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
