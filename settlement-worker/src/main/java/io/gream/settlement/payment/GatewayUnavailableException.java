package io.gream.settlement.payment;

/** The gateway did not process the request (unreachable, overloaded, circuit open): nothing was charged. */
public class GatewayUnavailableException extends RuntimeException {

    public GatewayUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public GatewayUnavailableException(String message) {
        super(message);
    }
}
