package io.gream.ingress.auction;

import org.springframework.http.HttpHeaders;

import java.time.Duration;
import java.util.Locale;

/**
 * How long a request waits for the engine's decision, from RFC 7240's {@code Prefer: wait=N} (seconds).
 *
 * <p>A stated wait is bounded to {@code 0..max} and echoed as {@code Preference-Applied: wait=N} with the value
 * actually used; without one the default applies and nothing is echoed. Per RFC 7240, a preference that cannot be
 * understood (e.g. {@code wait=soon}) is ignored, not an error.
 *
 * @param duration  how long to wait; zero means answer as soon as the command is written
 * @param requested whether the client stated a wait we could read
 */
record WaitPreference(Duration duration, boolean requested) {

    static final String PREFERENCE_APPLIED = "Preference-Applied";

    static WaitPreference of(String prefer, Duration defaultWait, Duration maxWait) {
        if (prefer != null) {
            for (String preference : prefer.split(",")) {
                String token = preference.split(";", 2)[0].trim();
                int eq = token.indexOf('=');
                if (eq < 0 || !token.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("wait")) {
                    continue;
                }
                String value = token.substring(eq + 1).trim().replace("\"", "");
                if (!value.matches("[0-9]{1,9}")) {
                    continue;
                }
                Duration stated = Duration.ofSeconds(Long.parseLong(value));
                return new WaitPreference(stated.compareTo(maxWait) > 0 ? maxWait : stated, true);
            }
        }
        return new WaitPreference(defaultWait, false);
    }

    void applyTo(HttpHeaders headers) {
        if (requested) {
            headers.set(PREFERENCE_APPLIED, "wait=" + duration.toSeconds());
        }
    }
}
