package io.gream.engine.query;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Keeps every handler of the engine's web application for the services that share
 * {@code gream.engine.internal-token}: a request without the token gets {@code 401}, whatever its path.
 *
 * <p>It runs after Spring MVC has chosen the handler, on every handler mapping the application has (controllers,
 * static resources, the fallback that answers an unknown path), so there is no path pattern to get wrong: a
 * path that reaches a handler in any spelling ({@code /%61uctions}, {@code //auctions}, {@code /auctions;x=y})
 * needed the token. Actuator endpoints have their own handler mapping and are not affected; what they show is
 * limited by {@code management.*} settings instead. An error dispatch (the container rendering an error it
 * raised itself) passes, since it only describes a failure and reaches no query.
 */
final class InternalTokenInterceptor implements HandlerInterceptor {

    static final URI TYPE = URI.create("urn:gream:problem:unauthorized");

    private final byte[] token;

    InternalTokenInterceptor(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the internal token must not be blank");
        }
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            return true;
        }
        String presented = request.getHeader(EngineForwarder.TOKEN_HEADER);
        if (presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
            return true;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                "the engine's API is internal: send the shared token in " + EngineForwarder.TOKEN_HEADER);
        problem.setType(TYPE);
        problem.setTitle("Unauthorized");
        problem.setProperty("code", "UNAUTHORIZED");
        throw new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
    }
}
