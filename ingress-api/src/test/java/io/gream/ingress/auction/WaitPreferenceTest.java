package io.gream.ingress.auction;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class WaitPreferenceTest {

    private static final Duration DEFAULT = Duration.ofSeconds(2);
    private static final Duration MAX = Duration.ofSeconds(10);

    @Test
    void noPreferenceWaitsTheDefaultAndReportsNothing() {
        WaitPreference wait = WaitPreference.of(null, DEFAULT, MAX);
        HttpHeaders headers = new HttpHeaders();
        wait.applyTo(headers);

        assertThat(wait.duration()).isEqualTo(DEFAULT);
        assertThat(headers.containsHeader("Preference-Applied")).isFalse();
    }

    @Test
    void statedWaitIsUsedAmongOtherPreferences() {
        WaitPreference wait = WaitPreference.of("respond-async, WAIT = 5 ; x=y", DEFAULT, MAX);
        HttpHeaders headers = new HttpHeaders();
        wait.applyTo(headers);

        assertThat(wait.duration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(headers.getFirst("Preference-Applied")).isEqualTo("wait=5");
    }

    @Test
    void waitAboveTheMaximumIsBounded() {
        assertThat(WaitPreference.of("wait=3600", DEFAULT, MAX).duration()).isEqualTo(MAX);
    }

    @Test
    void waitThatCannotBeReadIsIgnored() {
        assertThat(WaitPreference.of("wait=-1", DEFAULT, MAX)).isEqualTo(new WaitPreference(DEFAULT, false));
        assertThat(WaitPreference.of("wait=soon", DEFAULT, MAX)).isEqualTo(new WaitPreference(DEFAULT, false));
        assertThat(WaitPreference.of("waiting=3", DEFAULT, MAX)).isEqualTo(new WaitPreference(DEFAULT, false));
    }

    @Test
    void zeroMeansDoNotWait() {
        assertThat(WaitPreference.of("wait=0", DEFAULT, MAX)).isEqualTo(new WaitPreference(Duration.ZERO, true));
    }
}
