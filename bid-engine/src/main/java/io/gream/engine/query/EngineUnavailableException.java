package io.gream.engine.query;

/**
 * The question cannot be answered right now (a rebalance, a store still restoring, no reachable copy of the
 * partition); answered {@code 503} with {@code Retry-After}, because trying again shortly will work.
 */
final class EngineUnavailableException extends RuntimeException {

    EngineUnavailableException(String message) {
        super(message);
    }

    EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
