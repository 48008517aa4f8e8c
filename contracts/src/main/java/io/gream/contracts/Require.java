package io.gream.contracts;

/**
 * Well-formedness checks for contract records. A record that fails one cannot be addressed or understood at all,
 * so the serde reports it as a deserialization error (a poison record), not as a business rejection.
 */
final class Require {

    private Require() {
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    static String text(String value, String field) {
        if (present(value, field).isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }
}
