package io.gream.support.problem;

/**
 * The {@code code} values every Gream HTTP service answers with for mistakes any request can make: unreadable or
 * invalid input, an unknown route, a wrong media type, too many requests, a failure of the service itself. A
 * service's own codes (a rule of its API, such as {@code COMMAND_NOT_FOUND}) are listed by the service, in a subclass
 * of this one where it wants one class to name them all.
 *
 * <p>Codes are part of each API: add new ones, never rename or reuse one.
 */
public class ProblemCodes {

    /** A field, header, path segment or query parameter is missing or out of range; see {@code errors}. */
    public static final String VALIDATION_FAILED = "VALIDATION_FAILED";
    /** The body is not well-formed JSON, is empty where one is required, or has duplicate keys. */
    public static final String MALFORMED_JSON = "MALFORMED_JSON";
    /** The body has a property the endpoint does not define (including any attempt to name the acting user). */
    public static final String UNKNOWN_PROPERTY = "UNKNOWN_PROPERTY";
    /** A value has the wrong JSON type, e.g. a string or a fraction where a whole amount is expected. */
    public static final String WRONG_TYPE = "WRONG_TYPE";
    /** The body exceeds the configured maximum size. */
    public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    /** The body's media type is not {@code application/json}. */
    public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    /** None of the media types in {@code Accept} can be produced. */
    public static final String NOT_ACCEPTABLE = "NOT_ACCEPTABLE";
    /** The user (or, without a token, the client address) sent too many requests; retry after {@code Retry-After}. */
    public static final String RATE_LIMITED = "RATE_LIMITED";
    /** The path exists but not with this method. */
    public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    /** No such route or resource. */
    public static final String NOT_FOUND = "NOT_FOUND";
    /** Something failed that should not have; the log has the details. */
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    protected ProblemCodes() {
    }
}
