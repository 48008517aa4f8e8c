package io.gream.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.Arrays;

/**
 * Verifies the bearer token before a handler that needs the acting user runs, so an unauthenticated request is
 * answered {@code 401} before its body is read or validated and never reaches Kafka.
 *
 * <p>Which handlers need a user is read off their signature (a parameter of type {@link AuthenticatedUser}), so an
 * endpoint cannot be written to use the user and forget to require the token. A public handler that adapts its
 * answer to the caller declares {@code Optional<AuthenticatedUser>}: a token is then optional, but one that is sent
 * must be valid.
 */
final class BearerTokenInterceptor implements HandlerInterceptor {

    private static final String BEARER = "Bearer ";

    private final TokenVerifier verifier;

    BearerTokenInterceptor(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        boolean required = needsUser(method);
        if (!required && !mayUseUser(method)) {
            return true;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.isBlank()) {
            if (!required) {
                return true;
            }
            throw InvalidTokenException.missing();
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw InvalidTokenException.missing();
        }
        String token = authorization.substring(BEARER.length()).trim();
        request.setAttribute(AuthenticatedUser.REQUEST_ATTRIBUTE, verifier.verify(token));
        return true;
    }

    static boolean needsUser(HandlerMethod method) {
        return Arrays.stream(method.getMethodParameters())
                .anyMatch(p -> p.getParameterType() == AuthenticatedUser.class);
    }

    static boolean mayUseUser(HandlerMethod method) {
        return Arrays.stream(method.getMethodParameters()).anyMatch(AuthenticatedUserArgumentResolver::isOptionalUser);
    }
}
