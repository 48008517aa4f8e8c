package io.gream.ingress.problem;

/**
 * The {@code code} values the API itself answers with: those of every Gream service (inherited, such as
 * {@code VALIDATION_FAILED}) and the ingress's own. A rejection decided by the bid-engine uses the engine's
 * reason instead ({@code BID_TOO_LOW}, {@code SELF_BID}, {@code NOT_SELLER}, ..., see
 * {@link io.gream.contracts.RejectionReason}), so one client-side switch covers both.
 *
 * <p>Codes are part of the API: add new ones, never rename or reuse one.
 */
public final class ProblemCodes extends io.gream.support.problem.ProblemCodes {

    /** The command id is not known for this user and auction (or belongs to someone else). */
    public static final String COMMAND_NOT_FOUND = "COMMAND_NOT_FOUND";
    /** The bearer token is missing or not valid; see the {@code WWW-Authenticate} header. */
    public static final String UNAUTHORIZED = "UNAUTHORIZED";
    /** An {@code Idempotency-Key} was reused for a different request (e.g. another amount). */
    public static final String IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";
    /** Kafka did not acknowledge the command in time; it may or may not have been written. Retry as is. */
    public static final String BROKER_UNAVAILABLE = "BROKER_UNAVAILABLE";
    /** The bid-engine could not be reached or is rebalancing; retry after {@code Retry-After} seconds. */
    public static final String ENGINE_UNAVAILABLE = "ENGINE_UNAVAILABLE";

    private ProblemCodes() {
    }
}
