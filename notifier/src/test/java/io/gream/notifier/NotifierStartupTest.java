package io.gream.notifier;

import io.gream.notifier.testing.Http;
import io.gream.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The defaults work out of the box (H2 file under the data dir); startup stops without the identity provider's
 * public keys, and with an HMAC key (which could mint tokens) outside the local profile.
 */
class NotifierStartupTest {

    @Test
    void startsOnAnH2FileDatabaseUnderTheDataDirByDefault(@TempDir Path dataDir) {
        try (ConfigurableApplicationContext app = NotifierApplication.builder().run(
                "--server.port=0", "--spring.main.banner-mode=off",
                "--spring.kafka.bootstrap-servers=127.0.0.1:1",
                "--gream.data-dir=" + dataDir,
                "--gream.auth.jwks.file=" + Tokens.jwksFile())) {
            Http http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());

            Http.Response inbox = http.get("/api/notifications", "startup-user");

            assertThat(inbox.status()).isEqualTo(200);
            assertThat(inbox.json().path("total").asLong()).isZero();
            assertThat(dataDir.resolve("notifier").resolve("notifier.mv.db")).exists();
        }
    }

    @Test
    void refusesToStartWithoutTheIdentityProvidersKeys(@TempDir Path dataDir) {
        assertThatThrownBy(() -> NotifierApplication.builder().run(
                "--server.port=0", "--spring.main.banner-mode=off",
                "--spring.kafka.bootstrap-servers=127.0.0.1:1",
                "--gream.data-dir=" + dataDir))
                .rootCause()
                .hasMessageContaining("no token keys: set gream.auth.jwks.url");
    }

    @Test
    void refusesToStartHoldingAnHmacKeyOutsideTheLocalProfile(@TempDir Path dataDir) {
        assertThatThrownBy(() -> NotifierApplication.builder().run(
                "--server.port=0", "--spring.main.banner-mode=off",
                "--spring.kafka.bootstrap-servers=127.0.0.1:1",
                "--gream.data-dir=" + dataDir,
                "--gream.auth.jwks.file=" + Tokens.jwksFile(),
                "--gream.auth.hmac-secret=Z3JlYW0tbG9jYWwtZGV2ZWxvcG1lbnQta2V5LTMyYnl0ZXMh"))
                .rootCause()
                .hasMessageContaining("gream.auth.hmac-secret is set outside the local profile");
    }
}
