package io.gream.notifier.webhook;

/** A webhook URL that must not be called: wrong scheme, or a host that resolves to an internal address. */
final class UnsafeDestinationException extends Exception {

    UnsafeDestinationException(String message) {
        super(message, null, false, false);
    }
}
