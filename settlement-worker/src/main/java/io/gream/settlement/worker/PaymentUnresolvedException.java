package io.gream.settlement.worker;

/**
 * A charge may have been made and the gateway cannot tell yet. The record is retried later with backoff (the
 * settlement stays PENDING and is resolved by lookup then); it is never skipped or sent to dead letters.
 */
class PaymentUnresolvedException extends RuntimeException {

    PaymentUnresolvedException(String message, Throwable cause) {
        super(message, cause);
    }
}
