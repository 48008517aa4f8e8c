package io.gream.auth;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/**
 * Answers {@link InvalidTokenException} as an RFC 9457 problem document ({@code code} {@code UNAUTHORIZED}, type
 * {@code urn:gream:problem:unauthorized}) with the {@code WWW-Authenticate} challenge.
 *
 * <p>Ordered first so that an application's catch-all handler for {@link Exception} never turns a refused token
 * into a {@code 500}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class InvalidTokenHandler {

    static final URI TYPE = URI.create("urn:gream:problem:unauthorized");

    @ExceptionHandler(InvalidTokenException.class)
    ResponseEntity<ProblemDetail> handle(InvalidTokenException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, ex.getMessage());
        problem.setType(TYPE);
        problem.setProperty("code", InvalidTokenException.CODE);
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, ex.challenge())
                .body(problem);
    }
}
