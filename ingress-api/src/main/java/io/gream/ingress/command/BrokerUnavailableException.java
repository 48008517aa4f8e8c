package io.gream.ingress.command;

import io.gream.ingress.problem.ProblemCodes;
import io.gream.support.problem.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * {@code 503 BROKER_UNAVAILABLE}: Kafka did not acknowledge the command in time. The command may or may not have
 * been written, so the client is told to retry the same request: the retry has the same command id, and the engine
 * never applies one id twice. Never a false {@code 201}/{@code 202}.
 */
final class BrokerUnavailableException extends ProblemException {

    BrokerUnavailableException(String commandId) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemCodes.BROKER_UNAVAILABLE, "The command could not be"
                + " confirmed as written. Retry the same request (same Idempotency-Key): it cannot take effect twice.");
        withHeader(HttpHeaders.RETRY_AFTER, "1");
        withProperty("commandId", commandId);
    }
}
