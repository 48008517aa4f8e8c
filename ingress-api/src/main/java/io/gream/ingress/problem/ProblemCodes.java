package io.gream.ingress.problem;

/**
 * The {@code code} values the API itself answers with. A rejection decided by the bid-engine uses the engine's
 * reason instead ({@code BID_TOO_LOW}, {@code SELF_BID}, {@code NOT_SELLER}, ..., see
 * {@link io.gream.contracts.RejectionReason}), so one client-side switch covers both.
 *
 * <p>Codes are part of the API: add new ones, never rename or reuse one.
 */
public final class ProblemCodes {

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
    /** The path exists but not with this method. */
    public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    /** No such route or resource. */
    public static final String NOT_FOUND = "NOT_FOUND";
    /** The command id is not known for this user and auction (or belongs to someone else). */
    public static final String COMMAND_NOT_FOUND = "COMMAND_NOT_FOUND";
    /** The bearer token is missing or not valid; see the {@code WWW-Authenticate} header. */
    public static final String UNAUTHORIZED = "UNAUTHORIZED";
    /** The user sent too many requests; retry after {@code Retry-After} seconds. */
    public static final String RATE_LIMITED = "RATE_LIMITED";
    /** An {@code Idempotency-Key} was reused for a different request (e.g. another amount). */
    public static final String IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";
    /** Kafka did not acknowledge the command in time; it may or may not have been written. Retry as is. */
    public static final String BROKER_UNAVAILABLE = "BROKER_UNAVAILABLE";
    /** The bid-engine could not be reached or is rebalancing; retry after {@code Retry-After} seconds. */
    public static final String ENGINE_UNAVAILABLE = "ENGINE_UNAVAILABLE";
    /** Something failed that should not have; the log has the details. */
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    private ProblemCodes() {
    }
}
