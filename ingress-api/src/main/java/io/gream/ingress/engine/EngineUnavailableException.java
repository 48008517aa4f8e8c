package io.gream.ingress.engine;

import io.gream.ingress.problem.ProblemCodes;
import io.gream.support.problem.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import java.time.Duration;

/** {@code 503 ENGINE_UNAVAILABLE}: no engine instance could answer, or the engine is rebalancing. */
public final class EngineUnavailableException extends ProblemException {

    EngineUnavailableException(String detail, Duration retryAfter) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemCodes.ENGINE_UNAVAILABLE, detail);
        withHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
    }
}
