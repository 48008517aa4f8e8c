package io.gream.auth;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/**
 * The user a verified token names. Declaring a parameter of this type on a handler method is what makes the
 * endpoint require a token; the value is the token's {@code sub}, never anything from the request body.
 *
 * @param userId the {@code sub} claim: letters, digits and {@code _ - . @ :}, at most 128 characters
 */
public record AuthenticatedUser(String userId) {

    static final String REQUEST_ATTRIBUTE = AuthenticatedUser.class.getName();

    /** The user verified for this request, if the endpoint required one and the token was valid. */
    public static Optional<AuthenticatedUser> of(HttpServletRequest request) {
        return Optional.ofNullable((AuthenticatedUser) request.getAttribute(REQUEST_ATTRIBUTE));
    }
}
