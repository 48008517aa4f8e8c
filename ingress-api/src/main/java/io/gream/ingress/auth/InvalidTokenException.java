package io.gream.ingress.auth;

import io.gream.ingress.problem.ProblemCodes;
import io.gream.ingress.problem.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * {@code 401 UNAUTHORIZED} with the RFC 6750 {@code WWW-Authenticate: Bearer} challenge. A request without any
 * token gets the bare challenge; a bad token gets {@code error="invalid_token"} and a short description.
 */
final class InvalidTokenException extends ProblemException {

    static final String REALM = "gream";

    private InvalidTokenException(String detail, String challenge) {
        super(HttpStatus.UNAUTHORIZED, ProblemCodes.UNAUTHORIZED, detail);
        withHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
    }

    static InvalidTokenException missing() {
        return new InvalidTokenException("A bearer token is required.", "Bearer realm=\"" + REALM + "\"");
    }

    static InvalidTokenException invalid(String why) {
        return new InvalidTokenException("The bearer token is not valid: " + why + ".",
                "Bearer realm=\"" + REALM + "\", error=\"invalid_token\", error_description=\"" + why + "\"");
    }
}
