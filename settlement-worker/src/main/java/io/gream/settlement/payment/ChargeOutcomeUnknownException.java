package io.gream.settlement.payment;

/**
 * A charge was sent but no answer came back (timeout, connection lost, an internal error at the gateway): the money
 * may have been taken. Resolve it with {@link PaymentGateway#lookup}, never by charging again blindly.
 */
public class ChargeOutcomeUnknownException extends RuntimeException {

    public ChargeOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
