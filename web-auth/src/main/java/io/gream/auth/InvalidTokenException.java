package io.gream.auth;

/**
 * {@code 401 UNAUTHORIZED} with the RFC 6750 {@code WWW-Authenticate: Bearer} challenge. A request without any
 * token gets the bare challenge; a bad token gets {@code error="invalid_token"} and a short description.
 *
 * <p>Written as a problem document with {@code code} {@value #CODE} by {@link InvalidTokenHandler}, which runs before
 * the application's own problem handler, so every service that imports {@link AuthConfiguration} answers alike.
 */
public final class InvalidTokenException extends RuntimeException {

    public static final String CODE = "UNAUTHORIZED";
    static final String REALM = "gream";

    private final String challenge;

    private InvalidTokenException(String detail, String challenge) {
        super(detail, null, false, false); // an expected answer: no stack trace to fill or log
        this.challenge = challenge;
    }

    static InvalidTokenException missing() {
        return new InvalidTokenException("A bearer token is required.", "Bearer realm=\"" + REALM + "\"");
    }

    static InvalidTokenException invalid(String why) {
        return new InvalidTokenException("The bearer token is not valid: " + why + ".",
                "Bearer realm=\"" + REALM + "\", error=\"invalid_token\", error_description=\"" + why + "\"");
    }

    /** The value of the {@code WWW-Authenticate} response header. */
    public String challenge() {
        return challenge;
    }
}
