package io.gream.ingress.auth;

import io.gream.auth.HmacKeys;
import io.gream.ingress.IngressApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The local profile's HMAC key: one shorter than 256 bits must stop the service from starting, saying why. */
class HmacSecretStartupTest {

    @Test
    void applicationRefusesToStartWithA248BitSecret() {
        String shortSecret = Base64.getEncoder().encodeToString(
                "thirty-one-bytes-of-key-materia".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> new SpringApplicationBuilder(IngressApplication.class).run(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.profiles.active=local",
                "--spring.kafka.bootstrap-servers=127.0.0.1:1",
                "--gream.ingress.engine-token=engine-token-for-tests-only",
                "--gream.auth.hmac-secret=" + shortSecret))
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("gream.auth.hmac-secret is 248 bits; HMAC-signed tokens need a key of at least 256 bits"
                        + " (32 bytes), so the service refuses to start");
    }

    @Test
    void secretsThatAreMissingOrNotBase64AreRefused() {
        assertThatThrownBy(() -> HmacKeys.fromBase64("")).hasMessageContaining("is not set");
        assertThatThrownBy(() -> HmacKeys.fromBase64(null)).hasMessageContaining("is not set");
        assertThatThrownBy(() -> HmacKeys.fromBase64("not base64 !")).hasMessageContaining("not valid Base64");
    }

    @Test
    void a256BitSecretIsAccepted() {
        String secret = Base64.getEncoder().encodeToString(new byte[32]);

        assertThat(HmacKeys.fromBase64(secret).getEncoded()).hasSize(32);
    }
}
